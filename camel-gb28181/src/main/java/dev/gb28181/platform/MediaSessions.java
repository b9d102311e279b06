package dev.gb28181.platform;

import dev.gb28181.media.MediaFrame;
import dev.gb28181.media.MediaPortAllocator;
import dev.gb28181.media.SsrcAllocator;
import dev.gb28181.media.ps.PsDemuxer;
import dev.gb28181.media.rtp.RtpPacket;
import dev.gb28181.media.rtp.RtpReceiver;
import dev.gb28181.media.rtp.RtpReceiverConfig;
import dev.gb28181.media.rtp.RtpSink;
import dev.gb28181.media.rtp.RtpTcpActiveReceiver;
import dev.gb28181.media.rtp.RtpTcpPassiveReceiver;
import dev.gb28181.media.rtp.RtpUdpReceiver;
import dev.gb28181.sdp.GbSdp;
import dev.gb28181.sdp.MediaTransport;
import dev.gb28181.sdp.SdpParseException;
import dev.gb28181.sip.CSeq;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.NameAddress;
import dev.gb28181.sip.SipMethod;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipStack;
import dev.gb28181.sip.SipUri;
import dev.gb28181.sip.Transport;
import dev.gb28181.sip.dialog.Dialog;
import dev.gb28181.sip.transaction.ServerTransaction;
import dev.gb28181.sip.transaction.SipTransactionTimeoutException;
import dev.gb28181.sip.transport.LogLimiter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.NetUtil;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The platform's media sessions (GB/T 28181-2016 §9.2 live, §9.8 playback, §9.9 download): INVITE with
 * the SDP offer of Annex F, the {@code Subject} header of §8.1 ({@code <channelId>:<ssrc>,<platformId>:0}),
 * ACK for the 200 sent to its Contact (Huawei devices expect it there), the RTP receiver (UDP, TCP passive
 * or TCP active with RFC 4571 framing) feeding a {@link PsDemuxer} whose frames go to the
 * {@link MediaListener}s, and BYE from either side. Ports and SSRCs are released when a session ends or
 * its INVITE fails.
 *
 * <p>The UDP and TCP passive receivers are listening before the INVITE leaves, so no early packet is
 * lost; they accept the first SSRC from the device's host, which honours a device that answers
 * another {@code y=} than offered (PROTOCOL.md: use what the 200 says). A 200 that arrives after the
 * INVITE timed out is acknowledged and ended with BYE at once, so the device does not stream to nobody.
 */
final class MediaSessions {

    private static final Logger LOG = LoggerFactory.getLogger(MediaSessions.class);
    static final String SDP = "APPLICATION/SDP";
    /** RFC 4145 §4: the port an active TCP endpoint announces. */
    private static final int DISCARD_PORT = 9;
    /** Frames kept for a session whose 200 is still being processed; beyond, they are dropped up to a key frame. */
    private static final int MAX_EARLY_FRAMES = 64;

    private final LogLimiter listenerLog = new LogLimiter(LOG, 10, TimeUnit.SECONDS);
    private final PlatformConfig config;
    private final ManscdpClient client;
    private final SsrcAllocator ssrcs;
    private final MediaPortAllocator ports;
    private final ConcurrentHashMap<String, MediaSession> byCallId = new ConcurrentHashMap<>();
    private final List<MediaListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Timer timer;
    private volatile EventLoopGroup group;

    MediaSessions(PlatformConfig config, ManscdpClient client) {
        this.config = config;
        this.client = client;
        this.ssrcs = new SsrcAllocator(config.domain());
        this.ports = new MediaPortAllocator(config.mediaPortRange());
    }

    void start(Timer wheel) {
        timer = wheel;
        group = new NioEventLoopGroup(0, new DefaultThreadFactory("gb28181-rtp", true));
    }

    void addListener(MediaListener listener) {
        listeners.add(listener);
    }

    void removeListener(MediaListener listener) {
        listeners.remove(listener);
    }

    /** The sessions alive now. */
    List<MediaSession> sessions() {
        return List.copyOf(byCallId.values());
    }

    CompletableFuture<MediaSession> invite(String deviceId, String channelId, InviteRequest request) {
        Attempt attempt = null;
        try {
            if (channelId == null || channelId.isBlank()) {
                throw new IllegalArgumentException("An INVITE needs a channel ID");
            }
            Device device = client.requireOnline(deviceId);
            SipStack sip = client.requireStack();
            EventLoopGroup loops = requireGroup();
            attempt = new Attempt(device, channelId, request,
                    request.mode().isHistory() ? ssrcs.allocateHistory() : ssrcs.allocateLive());
            InetSocketAddress deviceHost = new InetSocketAddress(device.remoteAddress().getAddress(), 0);
            RtpReceiverConfig rtp = RtpReceiverConfig.of(RtpReceiverConfig.ANY_SSRC, deviceHost);
            if (request.transport() == MediaTransport.UDP) {
                attempt.port = ports.allocate(MediaPortAllocator.Protocol.UDP);
                attempt.receiver = new RtpUdpReceiver(loops, new InetSocketAddress(config.host(), attempt.port), rtp,
                        attempt.sink);
            } else if (request.transport() == MediaTransport.TCP_PASSIVE) {
                attempt.port = ports.allocate(MediaPortAllocator.Protocol.TCP);
                attempt.receiver = new RtpTcpPassiveReceiver(loops, new InetSocketAddress(config.host(),
                        attempt.port), rtp, attempt.sink);
            }
            Attempt a = attempt;
            CompletableFuture<InetSocketAddress> listening = a.receiver == null
                    ? CompletableFuture.completedFuture(null) : a.receiver.start();
            CompletableFuture<MediaSession> result = new CompletableFuture<>();
            listening.thenCompose(local -> a.sendInvite(sip))
                    .thenCompose(a::established)
                    .whenComplete((session, error) -> {
                        if (error == null) {
                            result.complete(session);
                        } else {
                            a.free();
                            result.completeExceptionally(unwrap(error));
                        }
                    });
            return result;
        } catch (RuntimeException e) {
            if (attempt != null) {
                attempt.free();
            }
            return CompletableFuture.failedFuture(e);
        }
    }

    CompletableFuture<Void> bye(String callId) {
        MediaSession session = callId == null ? null : byCallId.get(callId);
        if (session == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("No media session with Call-ID "
                    + callId));
        }
        return sendBye(session);
    }

    /** A BYE from a device: 200 and the session ends when it belongs to one, else 481 (RFC 3261 §15.1.2). */
    void onBye(ServerTransaction tx) {
        SipRequest bye = tx.request();
        MediaSession session = bye.callId() == null ? null : byCallId.get(bye.callId());
        if (session == null || !session.dialog.matches(bye)) {
            tx.respond(481);
            return;
        }
        end(session);
        tx.respond(200);
        LOG.info("Device {} ended media session {}", session.deviceId(), session);
    }

    /** BYEs every session and waits at most {@code wait} for the answers, then stops the RTP threads. */
    void stop(Duration wait) {
        List<CompletableFuture<Void>> byes = new ArrayList<>();
        for (MediaSession session : byCallId.values()) {
            byes.add(sendBye(session).exceptionally(e -> null));
        }
        try {
            CompletableFuture.allOf(byes.toArray(CompletableFuture[]::new)).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Not every device answered the BYE of its media session: {}", e.toString());
        }
        timer = null;
        EventLoopGroup loops = group;
        group = null;
        if (loops != null) {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private EventLoopGroup requireGroup() {
        EventLoopGroup loops = group;
        if (loops == null) {
            throw new IllegalStateException("The platform is not started");
        }
        return loops;
    }

    private CompletableFuture<Void> sendBye(MediaSession session) {
        if (!end(session)) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            SipStack sip = client.requireStack();
            SipRequest bye = session.dialog.newRequest(SipMethod.BYE);
            String what = "BYE of media session " + session.callId() + " to device " + session.deviceId();
            return withDeadline(sip.sendRequest(bye, session.sipTransport, session.sipAddress), session.deviceId(), what)
                    .thenAccept(response -> {
                        if (!response.isSuccess() && response.status() != 481) {
                            throw new SipStatusException(response.status(), response.reason(), "Device "
                                    + session.deviceId() + " answered " + response.status() + ' ' + response.reason()
                                    + " to the " + what);
                        }
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Removes the session and frees its receiver, port and SSRC; false when it had ended already. */
    private boolean end(MediaSession session) {
        if (!session.closed.compareAndSet(false, true)) {
            return false;
        }
        byCallId.remove(session.callId(), session);
        free(session.receiver, session.demuxer, session.port, session.offeredSsrc);
        return true;
    }

    /** The demuxer is closed on the receiver's event loop, after its last packet. */
    private void free(RtpReceiver receiver, PsDemuxer demuxer, int port, String ssrc) {
        if (receiver != null) {
            receiver.close().whenComplete((v, e) -> demuxer.close());
        } else {
            demuxer.close();
        }
        if (port > 0) {
            ports.release(port);
        }
        ssrcs.release(ssrc);
    }

    private <T> CompletableFuture<T> withDeadline(CompletableFuture<T> sent, String deviceId, String what) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Timeout deadline = schedule(() -> result.completeExceptionally(noAnswer(deviceId, what)));
        sent.whenComplete((value, error) -> {
            if (deadline != null) {
                deadline.cancel();
            }
            Throwable cause = unwrap(error);
            if (cause == null) {
                result.complete(value);
            } else {
                result.completeExceptionally(cause instanceof SipTransactionTimeoutException
                        ? noAnswer(deviceId, what) : cause);
            }
        });
        return result;
    }

    private Timeout schedule(Runnable task) {
        Timer t = timer;
        if (t == null) {
            return null;
        }
        try {
            return t.newTimeout(timeout -> task.run(), config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (IllegalStateException stopped) {
            return null;
        }
    }

    private ManscdpTimeoutException noAnswer(String deviceId, String what) {
        return new ManscdpTimeoutException("Device " + deviceId + " sent no SIP answer to the " + what + " within "
                + config.requestTimeout().toMillis() + " ms");
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** Where in-dialog requests go: the Contact's address over UDP when it is an IP literal, else the flow in use. */
    static InetSocketAddress targetAddress(SipUri target, Transport transport, InetSocketAddress fallback) {
        if (transport != Transport.UDP || target == null) {
            return fallback;
        }
        String host = target.host();
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!NetUtil.isValidIpV4Address(literal) && !NetUtil.isValidIpV6Address(literal)) {
            return fallback;
        }
        return new InetSocketAddress(NetUtil.createInetAddressFromIpAddressString(literal),
                target.port() > 0 ? target.port() : 5060);
    }

    /** One INVITE in progress: what it holds until it becomes a session or fails. */
    private final class Attempt {
        final Device device;
        final String channelId;
        final InviteRequest request;
        final String ssrc;
        final FrameSink sink = new FrameSink();
        final PsDemuxer demuxer = new PsDemuxer(sink);
        RtpReceiver receiver;
        int port = -1;
        Dialog dialog;
        SipRequest invite;
        String what;

        Attempt(Device device, String channelId, InviteRequest request, String ssrc) {
            this.device = device;
            this.channelId = channelId;
            this.request = request;
            this.ssrc = ssrc;
            sink.demuxer = demuxer;
        }

        CompletableFuture<SipResponse> sendInvite(SipStack sip) {
            InetSocketAddress to = device.remoteAddress();
            String viaHost = sip.localVia(device.transport(), null, to).host();
            String mediaHost = config.mediaHost() != null && !config.mediaHost().isBlank() ? config.mediaHost()
                    : viaHost;
            GbSdp.OfferBuilder offer = GbSdp.offer(request.mode()).username(config.sipId()).address(mediaHost)
                    .port(port > 0 ? port : DISCARD_PORT).transport(request.transport()).ssrc(ssrc);
            if (request.mode().isHistory()) {
                offer.channel(channelId).timeRange(request.startTime().getEpochSecond(),
                        request.endTime().getEpochSecond());
            }
            if (request.downloadSpeed() > 0) {
                offer.downloadSpeed(request.downloadSpeed());
            }
            SipUri deviceUri = ManscdpClient.deviceUri(device);
            SipUri target = SipUri.sip(channelId, deviceUri.host(), deviceUri.port());
            dialog = new Dialog(sip.newCallId(), client.platformAddress(sip.newTag()), NameAddress.of(target), target, 0);
            invite = dialog.newRequest(SipMethod.INVITE);
            invite.addHeader(HeaderNames.CONTACT, NameAddress.of(SipUri.sip(config.sipId(), viaHost, sip.port()))
                    .toString());
            invite.addHeader(HeaderNames.SUBJECT, channelId + ':' + ssrc + ',' + config.sipId() + ":0");
            invite.body(SDP, offer.build().encode().getBytes(StandardCharsets.US_ASCII));
            what = request.mode().sdpName() + " INVITE for channel " + channelId;
            CompletableFuture<SipResponse> sent = sip.sendRequest(invite, device.transport(), to, provisional -> {
                // 100 Trying and 101 (some devices) carry nothing the platform needs
            });
            CompletableFuture<SipResponse> answered = withDeadline(sent, device.deviceId(), what);
            sent.thenAccept(response -> {
                if (response.isSuccess() && answered.isCompletedExceptionally()) {
                    LOG.warn("Device {} accepted the {} after it timed out: ACK and BYE", device.deviceId(), what);
                    dialog.confirm(response);
                    ack(sip, response);
                    sip.sendRequest(dialog.newRequest(SipMethod.BYE), device.transport(), destination());
                }
            });
            return answered;
        }

        CompletableFuture<MediaSession> established(SipResponse response) {
            if (!response.isSuccess()) {
                throw new SipStatusException(response.status(), response.reason(), "Device " + device.deviceId()
                        + " answered " + response.status() + ' ' + response.reason() + " to the " + what);
            }
            SipStack sip = client.requireStack();
            dialog.confirm(response);
            ack(sip, response);
            GbSdp answer;
            try {
                answer = GbSdp.parse(response.bodyAsString(StandardCharsets.US_ASCII));
            } catch (SdpParseException e) {
                sip.sendRequest(dialog.newRequest(SipMethod.BYE), device.transport(), destination());
                throw new IllegalStateException("Device " + device.deviceId() + " answered the " + what
                        + " with an unusable SDP: " + e.getMessage(), e);
            }
            String sessionSsrc = answer.ssrc().filter(MediaSessions::isSsrc).orElse(ssrc);
            if (request.transport() != MediaTransport.TCP_ACTIVE) {
                return CompletableFuture.completedFuture(register(sip, answer, sessionSsrc, receiver.localAddress()));
            }
            String host = answer.mediaConnection().or(answer::connection).map(GbSdp.Connection::address)
                    .orElse(device.remoteAddress().getAddress().getHostAddress());
            InetSocketAddress media = new InetSocketAddress(host, answer.firstMedia().port());
            receiver = new RtpTcpActiveReceiver(requireGroup(), media, config.requestTimeout(),
                    RtpReceiverConfig.of(RtpReceiverConfig.ANY_SSRC, null), sink);
            return receiver.start().handle((local, error) -> {
                if (error != null) {
                    sip.sendRequest(dialog.newRequest(SipMethod.BYE), device.transport(), destination());
                    throw new IllegalStateException("Could not connect to the media of device " + device.deviceId()
                            + " at " + media + ": " + unwrap(error), unwrap(error));
                }
                return register(sip, answer, sessionSsrc, local);
            });
        }

        private MediaSession register(SipStack sip, GbSdp answer, String sessionSsrc, InetSocketAddress local) {
            MediaSession session = new MediaSession(device.deviceId(), channelId, request, sessionSsrc, ssrc,
                    local, answer, dialog, device.transport(), destination(), receiver, demuxer, port);
            sink.session = session;
            byCallId.put(session.callId(), session);
            LOG.info("Media session {} established", session);
            return session;
        }

        private InetSocketAddress destination() {
            return targetAddress(dialog.remoteTarget(), device.transport(), device.remoteAddress());
        }

        /** RFC 3261 §13.2.2.4: the ACK for the 2xx, in the dialog, with the INVITE's CSeq number. */
        private void ack(SipStack sip, SipResponse ok) {
            SipRequest ack = new SipRequest(SipMethod.ACK, dialog.remoteTarget());
            ack.addHeader(HeaderNames.FROM, invite.header(HeaderNames.FROM));
            ack.addHeader(HeaderNames.TO, ok.header(HeaderNames.TO));
            ack.addHeader(HeaderNames.CALL_ID, dialog.callId());
            ack.addHeader(HeaderNames.CSEQ, new CSeq(invite.cseq().seq(), SipMethod.ACK).toString());
            sip.sendStateless(ack, device.transport(), destination());
        }

        /** Frees what the INVITE took when it failed. */
        void free() {
            MediaSessions.this.free(receiver, demuxer, port, ssrc);
        }
    }

    private static boolean isSsrc(String value) {
        return value.length() == 10 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * RTP packets of one session into its demuxer (marker ends a frame, gap drops it), frames to the
     * listeners. Runs on the receiver's event loop.
     */
    private final class FrameSink implements RtpSink, Consumer<MediaFrame> {
        PsDemuxer demuxer;
        volatile MediaSession session;
        /**
         * Frames demultiplexed before the 200 was processed (devices stream as soon as they answer), handed
         * on ahead of the next frame; touched only on the receiver's event loop, {@code null} once handed on.
         */
        private List<MediaFrame> early = new ArrayList<>();

        @Override
        public void onPacket(RtpPacket packet) {
            demuxer.feed(packet.payload());
            if (packet.marker()) {
                demuxer.frameEnd();
            }
        }

        @Override
        public void onGap(int lostPackets) {
            demuxer.onGap();
        }

        @Override
        public void accept(MediaFrame frame) {
            MediaSession s = session;
            if (s == null) {
                if (early.size() < MAX_EARLY_FRAMES) {
                    early.add(frame);
                } else {
                    early.clear();
                    demuxer.onGap();
                }
                return;
            }
            if (early != null) {
                List<MediaFrame> held = early;
                early = null;
                held.forEach(f -> deliver(s, f));
            }
            deliver(s, frame);
        }

        private void deliver(MediaSession s, MediaFrame frame) {
            for (MediaListener listener : listeners) {
                try {
                    listener.onFrame(s, frame);
                } catch (RuntimeException e) {
                    listenerLog.warn("Media listener {} failed on a frame of {}: {}", listener, s, e.toString());
                }
            }
        }
    }
}

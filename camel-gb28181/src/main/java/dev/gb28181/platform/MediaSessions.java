package dev.gb28181.platform;

import static dev.gb28181.platform.ManscdpClient.unwrap;

import dev.gb28181.media.MediaFrame;
import dev.gb28181.media.MediaPortAllocator;
import dev.gb28181.media.SsrcAllocator;
import dev.gb28181.media.ps.PsDemuxer;
import dev.gb28181.media.ps.PsDemuxerStats;
import dev.gb28181.media.rtp.RtpPacket;
import dev.gb28181.media.rtp.RtpEventLoops;
import dev.gb28181.media.rtp.RtpReceiver;
import dev.gb28181.media.rtp.RtpReceiverConfig;
import dev.gb28181.media.rtp.RtpSink;
import dev.gb28181.media.rtp.RtpStats;
import dev.gb28181.media.rtp.RtpTcpActiveReceiver;
import dev.gb28181.media.rtp.RtpTcpPassiveReceiver;
import dev.gb28181.media.rtp.RtpUdpMux;
import dev.gb28181.media.rtp.RtpUdpReceiver;
import dev.gb28181.mansrtsp.MansrtspResponse;
import dev.gb28181.mansrtsp.PlayAction;
import dev.gb28181.mansrtsp.PlayControl;
import dev.gb28181.platform.MediaSessionEvent.Reason;
import dev.gb28181.sdp.GbSdp;
import dev.gb28181.sdp.MediaTransport;
import dev.gb28181.sdp.SdpParseException;
import dev.gb28181.sdp.SessionType;
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
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.util.NetUtil;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
 * {@link MediaListener}s (and, while a {@link PsListener} is registered, the PS of each RTP marker frame), and
 * BYE from either side. Ports and SSRCs are released when a session ends or its INVITE fails.
 *
 * <p>A session also ends by a MediaStatus 121 (end of file, §9.8.3; matched by Call-ID, else the device's only
 * history session), a MANSRTSP TEARDOWN (Annex B, INFO in the dialog), no RTP for
 * {@link PlatformConfig#mediaTimeout()} (one check per session on the platform's timer wheel comparing the RTP
 * packet counter, no thread per session), a TCP media connection the device closed or reset (no thread either: the
 * receiver reports it) and {@link #stop}; every start and end is a {@link MediaSessionEvent}.
 * A live PLAY is one per channel: a second INVITE for it joins the first and takes a hold of it
 * ({@link MediaSession#holders()}); {@link #bye} releases one hold and the BYE goes with the last. The hold count
 * decides atomically: once the last hold is released no PLAY can join, a new one invites anew. With
 * {@link PlatformConfig#mediaSharedPort()} all UDP sessions share one {@link RtpUdpMux}, told apart by SSRC.
 *
 * <p>The UDP and TCP passive receivers are listening before the INVITE leaves, so no early packet is
 * lost; they accept the first SSRC from the device's host (any host with
 * {@link PlatformConfig#mediaAnySource()}), which honours a device that answers another {@code y=} than offered
 * (PROTOCOL.md: use what the 200 says); on the shared port, where the SSRC is the key, the session moves to the
 * answered SSRC when the 200 arrives. A 200 that arrives after the
 * INVITE timed out is acknowledged and ended with BYE at once, so the device does not stream to nobody.
 */
final class MediaSessions {

    private static final Logger LOG = LoggerFactory.getLogger(MediaSessions.class);
    static final String SDP = "APPLICATION/SDP";
    /** RFC 4145 §4: the port an active TCP endpoint announces. */
    private static final int DISCARD_PORT = 9;
    /** Frames kept for a session whose 200 is still being processed; beyond, they are dropped up to a key frame. */
    private static final int MAX_EARLY_FRAMES = 64;
    /** PS bytes kept for a session whose 200 is still being processed. */
    private static final int MAX_EARLY_PS_BYTES = 4 * 1024 * 1024;
    static final String MANSRTSP = "Application/MANSRTSP";
    /**
     * How long a session whose TCP media connection broke waits for the device's BYE before it ends with
     * {@link Reason#FAILED}: a device that hangs up sends its BYE and closes the connection at once, and the BYE,
     * read from the SIP socket by another thread, may come second.
     */
    static final long CONNECTION_LOST_GRACE_MILLIS = 500;
    /** Ports tried when the one probed free was taken before the bind. */
    private static final int BIND_TRIES = 3;

    private final LogLimiter listenerLog = new LogLimiter(LOG, 10, TimeUnit.SECONDS);
    private final LogLimiter answerLog = new LogLimiter(LOG, 10, TimeUnit.SECONDS);
    private final PlatformConfig config;
    private final ManscdpClient client;
    private final PlatformEvents events;
    private final PlatformStats stats;
    private final SsrcAllocator ssrcs;
    private final MediaPortAllocator ports;
    private final ConcurrentHashMap<String, MediaSession> byCallId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, MediaSession> byStreamId = new ConcurrentHashMap<>();
    /** The live PLAY of each stream ID, from its INVITE on: a second PLAY of the channel joins it. */
    private final ConcurrentHashMap<String, CompletableFuture<MediaSession>> livePlays = new ConcurrentHashMap<>();
    private final List<MediaListener> listeners = new CopyOnWriteArrayList<>();
    private final List<PsListener> psListeners = new CopyOnWriteArrayList<>();
    private volatile Timer timer;
    private volatile EventLoopGroup group;
    private volatile RtpUdpMux mux;
    private volatile boolean stopping;

    MediaSessions(PlatformConfig config, ManscdpClient client, PlatformEvents events, PlatformStats stats) {
        this.config = config;
        this.client = client;
        this.events = events;
        this.stats = stats;
        this.ssrcs = new SsrcAllocator(config.domain());
        this.ports = new MediaPortAllocator(config.mediaPortRange());
    }

    /** Starts the RTP threads and binds the shared media port when configured; throws when it cannot. */
    void start(Timer wheel) {
        EventLoopGroup loops = RtpEventLoops.create(config.mediaNativeTransport(), 0,
                new DefaultThreadFactory("gb28181-rtp", true));
        if (config.mediaSharedPort() > 0) {
            RtpUdpMux shared = new RtpUdpMux(loops, new InetSocketAddress(config.host(), config.mediaSharedPort()),
                    RtpReceiverConfig.MAX_PACKET_SIZE);
            try {
                shared.start().join();
            } catch (CompletionException e) {
                loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                throw new IllegalStateException("Cannot bind the shared media port " + config.host() + ':'
                        + config.mediaSharedPort() + ": " + unwrap(e), unwrap(e));
            }
            mux = shared;
        }
        timer = wheel;
        group = loops;
        stopping = false;
    }

    void addListener(MediaListener listener) {
        listeners.add(listener);
    }

    void removeListener(MediaListener listener) {
        listeners.remove(listener);
    }

    void addPsListener(PsListener listener) {
        psListeners.add(listener);
    }

    void removePsListener(PsListener listener) {
        psListeners.remove(listener);
    }

    /** The sessions alive now. */
    List<MediaSession> sessions() {
        return List.copyOf(byCallId.values());
    }

    /** The live session with this Call-ID or stream ID, if any. */
    MediaSession find(String callIdOrStreamId) {
        if (callIdOrStreamId == null) {
            return null;
        }
        MediaSession session = byCallId.get(callIdOrStreamId);
        return session != null ? session : byStreamId.get(callIdOrStreamId);
    }

    /** The allocators, for tests that check a session gave back what it took. */
    MediaPortAllocator ports() {
        return ports;
    }

    SsrcAllocator ssrcs() {
        return ssrcs;
    }

    /** Whether the RTP threads run the native epoll transport ({@link PlatformConfig#mediaNativeTransport()}). */
    boolean nativeTransport() {
        return RtpEventLoops.isNative(requireGroup());
    }

    /** The shared media port's demultiplexer, {@code null} without {@link PlatformConfig#mediaSharedPort()}. */
    RtpUdpMux mux() {
        return mux;
    }

    CompletableFuture<MediaSession> invite(String deviceId, String channelId, InviteRequest request) {
        if (stopping) {
            return CompletableFuture.failedFuture(new IllegalStateException("The platform is stopping: no INVITE to "
                    + "channel " + channelId));
        }
        if (request.mode() != SessionType.PLAY || channelId == null) {
            return start(deviceId, channelId, request);
        }
        String key = MediaSession.streamId(deviceId, channelId, SessionType.PLAY, null);
        CompletableFuture<MediaSession> mine = new CompletableFuture<>();
        while (true) {
            CompletableFuture<MediaSession> existing = livePlays.putIfAbsent(key, mine);
            if (existing == null) {
                break;
            }
            if (!existing.isDone()) {
                LOG.debug("Channel {} of device {} is being invited: the PLAY joins it", channelId, deviceId);
                return view(existing.handle((session, error) -> error != null
                        ? CompletableFuture.<MediaSession>failedFuture(unwrap(error))
                        : join(session, deviceId, channelId, request)).thenCompose(f -> f));
            }
            MediaSession session = existing.isCompletedExceptionally() ? null : existing.join();
            if (session != null && session.hold()) {
                LOG.debug("Channel {} of device {} is already playing: the PLAY joins it ({} holders)", channelId,
                        deviceId, session.holders());
                return CompletableFuture.completedFuture(session);
            }
            livePlays.remove(key, existing);
        }
        start(deviceId, channelId, request).whenComplete((session, error) -> {
            if (error != null) {
                livePlays.remove(key, mine);
                mine.completeExceptionally(error);
            } else {
                mine.complete(session);
            }
        });
        return view(mine);
    }

    /**
     * A PLAY that waited for the channel's INVITE takes a hold of its session, or, when that session is already
     * ending (its last holder released it, the device hung up), invites anew rather than get a dying session.
     */
    private CompletableFuture<MediaSession> join(MediaSession session, String deviceId, String channelId,
            InviteRequest request) {
        return session.hold() ? CompletableFuture.completedFuture(session) : invite(deviceId, channelId, request);
    }

    /**
     * Binds a port of the range for the attempt (UDP, TCP passive). The allocator probed the port, but another
     * socket (another platform, another process) may take it before the bind: then the next free port is tried,
     * {@code tries} in all.
     */
    private CompletableFuture<InetSocketAddress> listen(Attempt a, EventLoopGroup loops, RtpReceiverConfig rtp,
            int tries) {
        boolean udp = a.request.transport() == MediaTransport.UDP;
        a.port = ports.allocate(udp ? MediaPortAllocator.Protocol.UDP : MediaPortAllocator.Protocol.TCP);
        a.offerPort = a.port;
        InetSocketAddress local = new InetSocketAddress(config.host(), a.port);
        a.receiver = udp ? new RtpUdpReceiver(loops, local, rtp, a.sink)
                : new RtpTcpPassiveReceiver(loops, local, rtp, a.sink);
        return a.receiver.start().handle((bound, error) -> {
            Throwable cause = unwrap(error);
            if (cause == null) {
                return CompletableFuture.completedFuture(bound);
            }
            if (tries <= 1 || !(cause instanceof BindException)) {
                return CompletableFuture.<InetSocketAddress>failedFuture(cause);
            }
            LOG.debug("Media port {} was taken since it was probed ({}): another one", a.port, cause.toString());
            a.receiver.close();
            ports.release(a.port);
            return listen(a, loops, rtp, tries - 1);
        }).thenCompose(f -> f);
    }

    /** A future completing like {@code shared} (same exception, not wrapped) that callers cannot complete. */
    private static <T> CompletableFuture<T> view(CompletableFuture<T> shared) {
        CompletableFuture<T> view = new CompletableFuture<>();
        shared.whenComplete((value, error) -> {
            if (error == null) {
                view.complete(value);
            } else {
                view.completeExceptionally(unwrap(error));
            }
        });
        return view;
    }

    private CompletableFuture<MediaSession> start(String deviceId, String channelId, InviteRequest request) {
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
            attempt.source = config.mediaAnySource() ? null
                    : new InetSocketAddress(device.remoteAddress().getAddress(), 0);
            RtpReceiverConfig rtp = rtpConfig(RtpReceiverConfig.ANY_SSRC, attempt.source);
            RtpUdpMux shared = mux;
            if (request.transport() == MediaTransport.UDP && shared != null) {
                attempt.receiver = shared.session(rtpConfig(SsrcAllocator.wireValue(attempt.ssrc), attempt.source),
                        attempt.sink);
                attempt.offerPort = config.mediaSharedPort();
            }
            Attempt a = attempt;
            CompletableFuture<InetSocketAddress> listening = a.receiver != null ? a.receiver.start()
                    : request.transport() == MediaTransport.TCP_ACTIVE ? CompletableFuture.completedFuture(null)
                    : listen(a, loops, rtp, BIND_TRIES);
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

    /**
     * Releases one hold of the session ({@link MediaSession#holders()}); the last ends it with BYE. A live PLAY
     * held by others goes on and nothing is sent.
     */
    CompletableFuture<Void> bye(String callIdOrStreamId) {
        MediaSession session = find(callIdOrStreamId);
        if (session == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("No media session with Call-ID or "
                    + "stream ID " + callIdOrStreamId));
        }
        if (!session.release()) {
            LOG.debug("One hold of {} released, {} left", session, session.holders());
            return CompletableFuture.completedFuture(null);
        }
        return sendBye(session, Reason.BYE);
    }

    /**
     * Sends a MANSRTSP control (GB/T 28181-2016 Annex B) in an INFO of the session's dialog; completes with the
     * device's answer ({@code null} when its 200 has no readable body), or fails with
     * {@link PlayControlRefusedException} when that answer is not 2xx. A TEARDOWN is followed by the BYE.
     */
    CompletableFuture<MansrtspResponse> playControl(String callIdOrStreamId, PlayControl control) {
        MediaSession session = find(callIdOrStreamId);
        if (session == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("No media session with Call-ID or "
                    + "stream ID " + callIdOrStreamId));
        }
        CompletableFuture<MansrtspResponse> result = new CompletableFuture<>();
        try {
            SipStack sip = client.requireStack();
            SipRequest info = session.dialog.newRequest(SipMethod.INFO);
            info.body(MANSRTSP, control.encode(session.controlSeq.getAndIncrement())
                    .getBytes(StandardCharsets.US_ASCII));
            String what = "MANSRTSP " + control + " of media session " + session.callId();
            withDeadline(sip.sendRequest(info, session.sipTransport, session.sipAddress), session.deviceId(), what)
                    .whenComplete((response, error) -> {
                        if (control.action() == PlayAction.TEARDOWN) {
                            byeAfter(session, Reason.TEARDOWN);
                        }
                        if (error != null) {
                            result.completeExceptionally(error);
                        } else if (!response.isSuccess()) {
                            result.completeExceptionally(new SipStatusException(response.status(), response.reason(),
                                    "Device " + session.deviceId() + " answered " + response.status() + ' '
                                            + response.reason() + " to the " + what));
                        } else {
                            MansrtspResponse answer = mansrtspAnswer(session, response);
                            if (answer != null && !answer.isSuccess()) {
                                result.completeExceptionally(new PlayControlRefusedException(answer, "Device "
                                        + session.deviceId() + " refused the " + what + ": RTSP " + answer.status()
                                        + ' ' + answer.reason()));
                            } else {
                                controlled(session, control);
                                result.complete(answer);
                            }
                        }
                    });
        } catch (RuntimeException e) {
            if (control.action() == PlayAction.TEARDOWN) {
                byeAfter(session, Reason.TEARDOWN);
            }
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Ends a session with BYE for {@code reason}; a failed BYE is logged (the session is gone anyway). */
    private void byeAfter(MediaSession session, Reason reason) {
        sendBye(session, reason).whenComplete((v, e) -> {
            if (e != null) {
                LOG.debug("BYE of {} after {}: {}", session, reason, e.toString());
            }
        });
    }

    /** A PAUSE stops the media and the no-media check until the next PLAY, which restarts its count. */
    private static void controlled(MediaSession session, PlayControl control) {
        if (control.action() == PlayAction.PAUSE) {
            session.paused = true;
        } else if (control.action() != PlayAction.TEARDOWN) {
            session.lastMediaNanos = System.nanoTime();
            session.paused = false;
        }
    }

    private MansrtspResponse mansrtspAnswer(MediaSession session, SipResponse response) {
        if (response.body().length == 0) {
            return null;
        }
        String text = response.bodyAsString(StandardCharsets.US_ASCII);
        try {
            return MansrtspResponse.parse(text);
        } catch (IllegalArgumentException e) {
            answerLog.warn("Device {} answered a MANSRTSP request of {} with an unreadable body: {}",
                    session.deviceId(), session.callId(), e.getMessage());
            return null;
        }
    }

    /**
     * A MediaStatus 121 (end of file, GB/T 28181-2016 §9.8.3) from a device: ends the session of its Call-ID
     * (devices send it in the INVITE dialog), else the device's only history session, with BYE.
     *
     * @return false when no session matches (the message is then an ordinary event)
     */
    boolean onEndOfFile(String deviceId, String callId) {
        MediaSession session = callId == null ? null : byCallId.get(callId);
        if (session == null) {
            for (MediaSession s : byCallId.values()) {
                if (s.deviceId().equals(deviceId) && s.mode().isHistory()) {
                    if (session != null) {
                        LOG.info("MediaStatus 121 from device {} names no session by Call-ID and the device has "
                                + "more than one playback or download: none ended", deviceId);
                        return false;
                    }
                    session = s;
                }
            }
        }
        if (session == null) {
            return false;
        }
        MediaSession ended = session;
        LOG.info("Device {} reached the end of the file of {}: BYE", ended.deviceId(), ended);
        byeAfter(ended, Reason.END_OF_FILE);
        return true;
    }

    /** The live session whose INVITE dialog has this Call-ID, or {@code null}. */
    MediaSession byCallId(String callId) {
        return callId == null ? null : byCallId.get(callId);
    }

    /** A BYE from a device: 200 and the session ends when it belongs to one, else 481 (RFC 3261 §15.1.2). */
    void onBye(ServerTransaction tx) {
        SipRequest bye = tx.request();
        MediaSession session = bye.callId() == null ? null : byCallId.get(bye.callId());
        if (session == null || !session.dialog.matches(bye)) {
            tx.respond(481);
            return;
        }
        end(session, Reason.DEVICE_BYE);
        tx.respond(200);
        LOG.info("Device {} ended media session {}", session.deviceId(), session);
    }

    /**
     * Refuses new INVITEs, BYEs every session (and any established meanwhile) and waits at most {@code wait} for
     * the answers, then closes the shared port and stops the RTP threads.
     */
    void stop(Duration wait) {
        stopping = true;
        List<CompletableFuture<Void>> byes = new ArrayList<>();
        for (MediaSession session : byCallId.values()) {
            byes.add(sendBye(session, Reason.STOPPED).exceptionally(e -> null));
        }
        try {
            CompletableFuture.allOf(byes.toArray(CompletableFuture[]::new)).get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Not every device answered the BYE of its media session: {}", e.toString());
        }
        timer = null;
        RtpUdpMux shared = mux;
        mux = null;
        if (shared != null) {
            try {
                shared.close().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("The shared media port did not close in time: {}", e.toString());
            }
        }
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

    private CompletableFuture<Void> sendBye(MediaSession session, Reason reason) {
        if (!end(session, reason)) {
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

    /**
     * Removes the session and frees its receiver, port and SSRC; false when it had ended already. The
     * SESSION_ENDED event follows once the receiver closed, with the final counters (only for a session whose
     * SESSION_STARTED was emitted: one ended because the platform was stopping was never announced).
     */
    private boolean end(MediaSession session, Reason reason) {
        if (!session.closed.compareAndSet(false, true)) {
            return false;
        }
        session.dropHolders();
        byCallId.remove(session.callId(), session);
        byStreamId.remove(session.streamId(), session);
        livePlays.computeIfPresent(session.streamId(), (k, f) -> f.getNow(null) == session ? null : f);
        Timeout watchdog = session.watchdog;
        if (watchdog != null) {
            watchdog.cancel();
        }
        free(session.receiver, session.sink, session.port, session.offeredSsrc).thenRun(() -> {
            if (session.announced) {
                stats.onSessionEnded(reason);
                events.emit(event(session, MediaSessionEvent.SESSION_ENDED, reason));
            }
        });
        return true;
    }

    private static MediaSessionEvent event(MediaSession s, String type, Reason reason) {
        RtpStats rtp = s.receiver.stats();
        PsDemuxerStats ps = s.demuxer.stats();
        return new MediaSessionEvent(s.deviceId(), type, Instant.now(), s.channelId(), s.callId(), s.streamId(),
                s.ssrc(), s.mode(), s.transport(), reason, rtp.packets(), rtp.bytes(), rtp.lost(), ps.videoFrames(),
                ps.audioFrames(), ps.droppedFrames());
    }

    /**
     * The demuxer and PS buffers are closed on the receiver's event loop, after its last packet; completes
     * then (on that loop).
     */
    private CompletableFuture<Void> free(RtpReceiver receiver, FrameSink sink, int port, String ssrc) {
        if (port > 0) {
            ports.release(port);
        }
        ssrcs.release(ssrc);
        if (receiver == null) {
            sink.close();
            return CompletableFuture.completedFuture(null);
        }
        return receiver.close().whenComplete((v, e) -> sink.close());
    }

    /**
     * The no-media check (GB/T 28181 says nothing; cameras that stop streaming without BYE are common): every
     * quarter of {@link PlatformConfig#mediaTimeout()} on the timer wheel, compares the session's RTP packet
     * counter with the last check's; unchanged for the whole timeout (and not paused) ends the session.
     */
    private void watch(MediaSession session) {
        long timeoutNanos = config.mediaTimeout().toNanos();
        Timer wheel = timer;
        if (timeoutNanos == 0 || wheel == null) {
            return;
        }
        long period = Math.max(1, config.mediaTimeout().toMillis() / 4);
        session.lastPackets = session.receiver.stats().packets();
        session.lastMediaNanos = System.nanoTime();
        TimerTask check = new TimerTask() {
            @Override
            public void run(Timeout timeout) {
                if (!session.isActive()) {
                    return;
                }
                long packets = session.receiver.stats().packets();
                long now = System.nanoTime();
                if (packets != session.lastPackets || session.paused) {
                    session.lastPackets = packets;
                    session.lastMediaNanos = now;
                } else if (now - session.lastMediaNanos >= timeoutNanos) {
                    LOG.info("No media for {} ms on {}: BYE", config.mediaTimeout().toMillis(), session);
                    byeAfter(session, Reason.NO_MEDIA);
                    return;
                }
                try {
                    session.watchdog = timeout.timer().newTimeout(this, period, TimeUnit.MILLISECONDS);
                } catch (IllegalStateException stopped) {
                    // the platform stopped
                }
            }
        };
        try {
            session.watchdog = wheel.newTimeout(check, period, TimeUnit.MILLISECONDS);
        } catch (IllegalStateException stopped) {
            // the platform stopped
        }
    }

    /**
     * The device closed or reset the session's TCP media connection (RFC 4571) and the stream cannot go on: unless
     * its BYE arrives within {@link #CONNECTION_LOST_GRACE_MILLIS}, the session ends with {@link Reason#FAILED} and
     * BYE, at once rather than after {@link PlatformConfig#mediaTimeout()} of silence.
     */
    private void connectionLost(MediaSession session) {
        if (!session.isActive()) {
            return;
        }
        // not scheduled when the platform stopped: its stop ends the session
        schedule(() -> {
            if (session.isActive()) {
                LOG.info("The media connection of {} closed without a BYE from the device: BYE", session);
                byeAfter(session, Reason.FAILED);
            }
        }, CONNECTION_LOST_GRACE_MILLIS);
    }

    private <T> CompletableFuture<T> withDeadline(CompletableFuture<T> sent, String deviceId, String what) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Timeout deadline = schedule(() -> result.completeExceptionally(noAnswer(deviceId, what)),
                config.requestTimeout().toMillis());
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

    /** Runs {@code task} on the platform's timer after {@code delayMillis}; {@code null} when it stopped. */
    private Timeout schedule(Runnable task, long delayMillis) {
        Timer t = timer;
        if (t == null) {
            return null;
        }
        try {
            return t.newTimeout(timeout -> task.run(), delayMillis, TimeUnit.MILLISECONDS);
        } catch (IllegalStateException stopped) {
            return null;
        }
    }

    private ManscdpTimeoutException noAnswer(String deviceId, String what) {
        return new ManscdpTimeoutException("Device " + deviceId + " sent no SIP answer to the " + what + " within "
                + config.requestTimeout().toMillis() + " ms");
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
        /** Where RTP may come from: the device's host, {@code null} with {@link PlatformConfig#mediaAnySource()}. */
        InetSocketAddress source;
        int port = -1;
        int offerPort = DISCARD_PORT;
        /** The host of the SDP offer's {@code c=}. */
        String mediaHost;
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
            mediaHost = config.mediaHost() != null && !config.mediaHost().isBlank() ? config.mediaHost()
                    : viaHost;
            GbSdp.OfferBuilder offer = GbSdp.offer(request.mode()).username(config.sipId()).address(mediaHost)
                    .port(offerPort).transport(request.transport()).ssrc(ssrc);
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
            invite.addHeader(HeaderNames.CONTACT, client.contact(sip, viaHost));
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
            String text = response.bodyAsString(StandardCharsets.US_ASCII);
            GbSdp answer;
            try {
                answer = GbSdp.parse(text);
            } catch (SdpParseException e) {
                sip.sendRequest(dialog.newRequest(SipMethod.BYE), device.transport(), destination());
                throw new IllegalStateException("Device " + device.deviceId() + " answered the " + what
                        + " with an unusable SDP: " + e.getMessage(), e);
            }
            String sessionSsrc = answer.ssrc().filter(MediaSessions::isSsrc).orElse(ssrc);
            RtpUdpMux shared = mux;
            if (request.transport() == MediaTransport.UDP && shared != null && !sessionSsrc.equals(ssrc)) {
                return moveTo(sip, shared, answer, text, sessionSsrc);
            }
            if (request.transport() != MediaTransport.TCP_ACTIVE) {
                return CompletableFuture.completedFuture(register(sip, answer, text, sessionSsrc,
                        receiver.localAddress()));
            }
            String host = answer.mediaConnection().or(answer::connection).map(GbSdp.Connection::address)
                    .orElse(device.remoteAddress().getAddress().getHostAddress());
            InetSocketAddress media = new InetSocketAddress(host, answer.firstMedia().port());
            receiver = new RtpTcpActiveReceiver(requireGroup(), media, config.requestTimeout(),
                    rtpConfig(RtpReceiverConfig.ANY_SSRC, null), sink);
            return receiver.start().handle((local, error) -> {
                if (error != null) {
                    sip.sendRequest(dialog.newRequest(SipMethod.BYE), device.transport(), destination());
                    throw new IllegalStateException("Could not connect to the media of device " + device.deviceId()
                            + " at " + media + ": " + unwrap(error), unwrap(error));
                }
                return register(sip, answer, text, sessionSsrc, local);
            });
        }

        /**
         * The device answered another {@code y=} than offered on the shared port, where the SSRC is the key:
         * the session's receiver moves to the answered SSRC (same sink, so frames go on in order).
         */
        private CompletableFuture<MediaSession> moveTo(SipStack sip, RtpUdpMux shared, GbSdp answer, String text,
                String sessionSsrc) {
            RtpReceiver offered = receiver;
            receiver = shared.session(rtpConfig(SsrcAllocator.wireValue(sessionSsrc), source), sink);
            return offered.close().thenCompose(v -> receiver.start()).handle((local, error) -> {
                if (error != null) {
                    sip.sendRequest(dialog.newRequest(SipMethod.BYE), device.transport(), destination());
                    throw new IllegalStateException("Device " + device.deviceId() + " answered SSRC " + sessionSsrc
                            + " to the " + what + ", which the shared media port cannot take: " + unwrap(error),
                            unwrap(error));
                }
                return register(sip, answer, text, sessionSsrc, local);
            });
        }

        /**
         * The session is live: listed, announced, watched for silence. One established while the platform stops
         * is ended at once with BYE and fails the INVITE.
         */
        private MediaSession register(SipStack sip, GbSdp answer, String text, String sessionSsrc,
                InetSocketAddress local) {
            String localHost = request.transport() == MediaTransport.TCP_ACTIVE ? local.getAddress().getHostAddress()
                    : mediaHost;
            MediaSession session = new MediaSession(device.deviceId(), channelId, request, sessionSsrc, ssrc,
                    local, localHost, answer, text, dialog, device.transport(), destination(), receiver, demuxer,
                    sink, port);
            sink.session = session;
            byCallId.put(session.callId(), session);
            byStreamId.put(session.streamId(), session);
            if (stopping) {
                byeAfter(session, Reason.STOPPED);
                throw new IllegalStateException("The platform stopped while device " + device.deviceId()
                        + " answered the " + what + ": BYE sent");
            }
            LOG.info("Media session {} established", session);
            session.announced = true;
            stats.onSessionStarted();
            events.emit(event(session, MediaSessionEvent.SESSION_STARTED, null));
            watch(session);
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

        /** Frees what the INVITE took when it failed, unless a session owns it already. */
        void free() {
            if (sink.session == null) {
                MediaSessions.this.free(receiver, sink, port, ssrc);
            }
        }
    }

    /** Media sessions alive now. */
    int activeCount() {
        return byCallId.size();
    }

    /** A receiver's config whose counts also go to the platform's RTP totals. */
    private RtpReceiverConfig rtpConfig(long ssrc, InetSocketAddress source) {
        return RtpReceiverConfig.of(ssrc, source).withTotals(stats.rtp());
    }

    private static boolean isSsrc(String value) {
        return value.length() == 10 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * RTP packets of one session into its demuxer (marker ends a frame, gap drops it), frames to the
     * listeners; while a {@link PsListener} is registered, the payloads of each marker frame are also gathered
     * into one PS buffer for them. Runs on the receiver's event loop.
     */
    final class FrameSink implements RtpSink, Consumer<MediaFrame> {
        PsDemuxer demuxer;
        volatile MediaSession session;
        /**
         * Frames demultiplexed before the 200 was processed (devices stream as soon as they answer), handed
         * on ahead of the next frame; touched only on the receiver's event loop, {@code null} once handed on.
         */
        private List<MediaFrame> early = new ArrayList<>();
        /** The PS frame being gathered (reused), {@code null} while no PS listener is registered. */
        private ByteBuf ps;
        /** Packets of the PS frame in progress were lost or it grew too large: dropped at its marker. */
        private boolean psBroken;
        /** The last packet ended a frame (or none came yet): a PS listener can start with the next one. */
        private boolean atFrameStart = true;
        /** PS frames gathered before the 200 was processed, like {@link #early}. */
        private List<ByteBuf> earlyPs = new ArrayList<>();
        private int earlyPsBytes;
        private boolean closed;

        @Override
        public void onPacket(RtpPacket packet) {
            ByteBuf payload = packet.payload();
            demuxer.feed(payload);
            if (!psListeners.isEmpty()) {
                gather(payload);
            } else if (ps != null) {
                ps.release();
                ps = null;
            }
            if (packet.marker()) {
                demuxer.frameEnd();
                if (ps != null) {
                    psFrameEnd();
                }
            }
            atFrameStart = packet.marker();
        }

        /**
         * Before the 200 is processed there is no session to end yet: a device that never reconnects is then ended
         * by the no-media check.
         */
        @Override
        public void onConnectionLost() {
            MediaSession s = session;
            if (s != null) {
                connectionLost(s);
            }
        }

        @Override
        public void onGap(int lostPackets) {
            demuxer.onGap();
            psBroken = true;
            atFrameStart = false;
        }

        private void gather(ByteBuf payload) {
            if (ps == null) {
                ps = ByteBufAllocator.DEFAULT.buffer(64 * 1024);
                psBroken = !atFrameStart; // joined mid-frame: start after the next marker
            }
            int length = payload.readableBytes();
            if (psBroken || ps.readableBytes() + length > PsDemuxer.DEFAULT_MAX_FRAME_SIZE) {
                psBroken = true;
                return;
            }
            ps.writeBytes(payload, payload.readerIndex(), length);
        }

        private void psFrameEnd() {
            if (psBroken || !ps.isReadable()) {
                ps.clear();
                psBroken = false;
                return;
            }
            MediaSession s = session;
            if (s == null) {
                if (earlyPsBytes + ps.readableBytes() <= MAX_EARLY_PS_BYTES) {
                    earlyPsBytes += ps.readableBytes();
                    earlyPs.add(ps);
                    ps = ByteBufAllocator.DEFAULT.buffer(64 * 1024);
                } else {
                    ps.clear();
                }
                return;
            }
            if (earlyPs != null) {
                List<ByteBuf> held = earlyPs;
                earlyPs = null;
                for (ByteBuf frame : held) {
                    deliverPs(s, frame);
                    frame.release();
                }
            }
            deliverPs(s, ps);
            ps.clear();
        }

        private void deliverPs(MediaSession s, ByteBuf frame) {
            for (PsListener listener : psListeners) {
                try {
                    listener.onPs(s, frame.duplicate());
                } catch (RuntimeException e) {
                    listenerLog.warn("PS listener {} failed on a frame of {}: {}", listener, s, e.toString());
                }
            }
        }

        @Override
        public void accept(MediaFrame frame) {
            stats.onFrame(frame.codec());
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

        /** Releases the demuxer's and the PS buffers; on the receiver's event loop after its last packet. */
        void close() {
            if (closed) {
                return;
            }
            closed = true;
            demuxer.close();
            if (ps != null) {
                ps.release();
                ps = null;
            }
            if (earlyPs != null) {
                earlyPs.forEach(ByteBuf::release);
                earlyPs = null;
            }
        }
    }
}

package dev.gb28181.benchmarks.load;

import dev.gb28181.media.SsrcAllocator;
import dev.gb28181.sdp.GbSdp;
import dev.gb28181.sdp.MediaTransport;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.testing.TestDevice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated NVR with many camera channels, the usual way hundreds of live streams reach a GB/T
 * 28181 platform: it registers over UDP with digest authentication (§9.1.2, {@link TestDevice}),
 * keeps alive (§9.6), and answers each live INVITE of §9.2.2 for one of its channels (Request-URI
 * user part) with 100 and a 200 carrying a camera's SDP answer (Annex F: {@code y=} echoing the
 * offer's SSRC, {@code a=setup} the opposite of the offer's for TCP). The channel's
 * {@link SimulatedStream} is made from the offer; BYEs are answered 200. One thread answers
 * everything: INVITE setup is measured on the platform's side.
 */
final class SimulatedNvr implements AutoCloseable {

    /** Type 111: DVR/NVR (GB/T 28181-2016 Annex D). */
    static final String DEVICE_ID = "34020000001110000001";
    /** Type 131: camera, channel i is this + i. */
    private static final String CHANNEL_PREFIX = "3402000000131";
    private static final Duration KEEPALIVE = Duration.ofSeconds(20);

    private final TestDevice device;
    private final MediaTransport transport;
    private final PacedSenders senders;
    private final String localHost;
    private final Map<String, SimulatedStream> streams = new ConcurrentHashMap<>();
    /** The SDP answered per Call-ID: a retransmitted INVITE (UDP, RFC 3261 Timer A) gets the same answer. */
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final Thread answerer;
    private volatile boolean running = true;

    SimulatedNvr(InetSocketAddress platform, String platformId, String password, MediaTransport transport,
            PacedSenders senders, String localHost) {
        this.device = TestDevice.udp(DEVICE_ID, platform).platformId(platformId).password(password)
                .userAgent("camel-gb28181 media load generator").timeout(Duration.ofSeconds(10));
        this.transport = transport;
        this.senders = senders;
        this.localHost = localHost;
        this.answerer = new Thread(this::answer, "media-load-nvr");
        answerer.setDaemon(true);
    }

    /** Registers and starts answering the platform's requests. */
    void start() {
        SipResponse registered = device.register(3600);
        if (registered.status() != 200) {
            throw new IllegalStateException("the simulated NVR could not register: " + registered.status());
        }
        answerer.start();
    }

    static String channelId(int i) {
        String serial = Integer.toString(i + 1);
        return CHANNEL_PREFIX + "0000000".substring(serial.length()) + serial;
    }

    /** The stream of a channel whose INVITE was answered, or {@code null}. */
    SimulatedStream stream(String channelId) {
        return streams.get(channelId);
    }

    /** INVITEs answered with an error (an offer the NVR could not use). */
    long refused() {
        return refused.get();
    }

    private void answer() {
        long nextKeepalive = System.nanoTime() + KEEPALIVE.toNanos();
        while (running) {
            try {
                SipRequest request = device.nextRequest(Duration.ofMillis(100));
                if (request != null) {
                    switch (request.method()) {
                        case "INVITE" -> invite(request);
                        case "BYE", "MESSAGE", "INFO" -> device.respond(request, 200);
                        default -> {
                            // ACK, nothing to answer
                        }
                    }
                }
                if (System.nanoTime() - nextKeepalive > 0) {
                    nextKeepalive = System.nanoTime() + KEEPALIVE.toNanos();
                    device.keepalive();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    refused.incrementAndGet();
                }
            }
        }
    }

    private void invite(SipRequest invite) {
        String answered = answers.get(invite.callId());
        if (answered != null) {
            device.acceptInvite(invite, answered);
            return;
        }
        String channelId = invite.requestUri().user();
        int index;
        GbSdp offer;
        try {
            index = Integer.parseInt(channelId.substring(CHANNEL_PREFIX.length())) - 1;
            offer = GbSdp.parse(invite.bodyAsString(StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            refused.incrementAndGet();
            device.respond(invite, 488);
            return;
        }
        String ssrc = offer.ssrc().orElse("0000000000");
        String host = offer.mediaConnection().or(offer::connection).map(GbSdp.Connection::address).orElse(localHost);
        InetSocketAddress target = new InetSocketAddress(host, offer.firstMedia().port());
        String media;
        SimulatedStream stream;
        try {
            if (transport == MediaTransport.TCP_ACTIVE) {
                ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(localHost, 0), 1);
                stream = new SimulatedStream(index, channelId, transport, SsrcAllocator.wireValue(ssrc), null, listener);
                media = "m=video " + listener.socket().getLocalPort()
                        + " TCP/RTP/AVP 96\r\na=setup:passive\r\na=connection:new\r\n";
            } else if (transport == MediaTransport.TCP_PASSIVE) {
                stream = new SimulatedStream(index, channelId, transport, SsrcAllocator.wireValue(ssrc), target, null);
                media = "m=video 9 TCP/RTP/AVP 96\r\na=setup:active\r\na=connection:new\r\n";
            } else {
                stream = new SimulatedStream(index, channelId, transport, SsrcAllocator.wireValue(ssrc), target, null);
                media = "m=video " + senders.udpPort(index) + " RTP/AVP 96\r\n";
            }
        } catch (IOException e) {
            refused.incrementAndGet();
            device.respond(invite, 500);
            return;
        }
        String answer = "v=0\r\no=" + channelId + " 0 0 IN IP4 " + localHost + "\r\ns=Play\r\nc=IN IP4 " + localHost
                + "\r\nt=0 0\r\n" + media + "a=sendonly\r\na=rtpmap:96 PS/90000\r\ny=" + ssrc + "\r\nf=\r\n";
        streams.put(channelId, stream);
        answers.put(invite.callId(), answer);
        device.acceptInvite(invite, answer);
    }

    @Override
    public void close() {
        running = false;
        try {
            answerer.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streams.values().forEach(SimulatedStream::close);
        device.close();
    }
}

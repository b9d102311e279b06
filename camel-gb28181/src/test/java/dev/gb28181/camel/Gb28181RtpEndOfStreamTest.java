package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.media.SsrcAllocator;
import dev.gb28181.platform.MediaSession;
import dev.gb28181.platform.MediaSessionEvent;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.MediaStreams;
import dev.gb28181.testing.RtpSender;
import dev.gb28181.testing.TestDevice;

import java.io.ByteArrayOutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gb28181:rtp?endOfStream=true} on real loopback sockets (GB/T 28181-2016 §9.2, Annex C): after the
 * last frame of a session the route gets exactly one end-of-stream exchange, behind every frame the consumer
 * accepted (format es and ps), even when the route was still busy with them after the SESSION_ENDED event of
 * {@code gb28181:message} had been routed, whoever sent the BYE; a route so slow that it lost frames still gets
 * its end, and stopping the route ends the streams it had.
 */
class Gb28181RtpEndOfStreamTest extends Gb28181TestSupport {

    private static final String CAMERA = "34020000001320000001";
    private static final String CHANNEL = "34020000001310000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static byte[] ps;
    static byte[] extraction;

    /** The rtp routes wait at their first frame until the test lets them go on. */
    private final CountDownLatch release = new CountDownLatch(1);
    private TestDevice camera;

    @BeforeAll
    static void makeStream() throws Exception {
        ps = MediaStreams.h264Ps(dir);
        extraction = MediaStreams.h264Extraction(dir);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:invite").to("gb28181:invite?channelId=" + CHANNEL);
                from("direct:bye").to("gb28181:bye");
                from("gb28181:message").filter(header(Gb28181Constants.EVENT_TYPE)
                        .isEqualTo(MediaSessionEvent.SESSION_ENDED)).to("mock:ended");
                from("gb28181:rtp?endOfStream=true").routeId("stream")
                        .process(exchange -> release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                        .to("mock:stream");
                from("gb28181:rtp?endOfStream=true&concurrentConsumers=1&eventQueueSize=2")
                        .process(exchange -> release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                        .to("mock:slow");
                from("gb28181:rtp?format=ps&endOfStream=true")
                        .process(exchange -> release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                        .to("mock:ps");
                from("gb28181:rtp").to("mock:plain");
            }
        };
    }

    @BeforeEach
    void registerCamera() {
        camera = device(Transport.UDP, CAMERA);
        assertThat(camera.register(3600).status()).isEqualTo(200);
    }

    @Test
    void aPlatformByeEndsTheStreamAfterEveryFrame() throws Exception {
        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            SipRequest invite = playAndStream(media);
            Future<Exchange> bye = template.asyncSend("direct:bye",
                    exchange -> exchange.getMessage().setHeader(Gb28181Constants.CALL_ID, invite.callId()));
            SipRequest request = camera.nextRequest("BYE", WAIT);
            assertThat(request).as("the platform's BYE").isNotNull();
            camera.respond(request, 200);
            assertThat(bye.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).getException()).isNull();
            releaseAfterSessionEnded();
            assertEnded(invite.callId(), MediaSessionEvent.Reason.BYE);
        }
    }

    @Test
    void aDeviceByeEndsTheStreamAfterEveryFrame() throws Exception {
        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            SipRequest invite = playAndStream(media);
            assertThat(camera.bye(invite).status()).isEqualTo(200);
            releaseAfterSessionEnded();
            assertEnded(invite.callId(), MediaSessionEvent.Reason.DEVICE_BYE);
        }
    }

    @Test
    void stoppingTheRouteEndsItsStreamsWithoutAReason() throws Exception {
        MockEndpoint stream = getMockEndpoint("mock:stream");
        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            SipRequest invite = playAndStream(media);
            release.countDown();
            await().atMost(WAIT).until(() -> stream.getReceivedCounter() >= MediaStreams.FRAMES);
            context.getRouteController().stopRoute("stream");

            List<Exchange> received = stream.getExchanges();
            assertThat(received).hasSize(MediaStreams.FRAMES + 1);
            Message end = received.get(MediaStreams.FRAMES).getMessage();
            assertThat(end.getHeader(Gb28181Constants.END_OF_STREAM)).isEqualTo(true);
            assertThat(end.getHeader(Gb28181Constants.CALL_ID)).isEqualTo(invite.callId());
            assertThat(end.getHeader(Gb28181Constants.END_REASON)).as("the session goes on").isNull();
            assertThat(end.getHeader(Gb28181Constants.SESSION_ENDED)).isNull();
            assertThat(component().getPlatform().mediaSession(invite.callId())).isPresent();
            assertThat(camera.bye(invite).status()).isEqualTo(200);
        }
    }

    /**
     * A route restarted while its session goes on: the stop ends the stream it had (no reason), the frames after
     * the start begin a new stream of the same session, and the session's end ends that one after its last frame.
     */
    @Test
    void aRestartedRouteGetsAnEndForEachStreamOfTheSession() throws Exception {
        MockEndpoint stream = getMockEndpoint("mock:stream");
        release.countDown();
        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Played played = play(camera, CHANNEL, media);
            String ssrc = played.ssrc();
            MediaSession session = played.session();
            List<byte[]> packets = new RtpSender(SsrcAllocator.wireValue(ssrc), 1400, 5).packetise(ps,
                    MediaStreams.endOnly(ps));
            int half = packets.size() / 2;
            MediaStreams.sendPaced(session, packets.subList(0, half), 0, media, WAIT);
            int[] seen = {-1};
            await().atMost(WAIT).during(Duration.ofMillis(300)).until(() -> {
                int now = stream.getReceivedCounter();
                boolean settled = now > 0 && now == seen[0];
                seen[0] = now;
                return settled;
            });
            int before = stream.getReceivedCounter();

            context.getRouteController().stopRoute("stream");
            context.getRouteController().startRoute("stream");
            MediaStreams.sendPaced(session, packets, half, media, WAIT);
            assertThat(camera.bye(played.invite()).status()).isEqualTo(200);

            await().atMost(WAIT).until(() -> stream.getReceivedCounter() == MediaStreams.FRAMES + 2);
            List<Exchange> received = stream.getExchanges();
            Message stopped = received.get(before).getMessage();
            assertThat(stopped.getHeader(Gb28181Constants.END_OF_STREAM)).isEqualTo(true);
            assertThat(stopped.getHeader(Gb28181Constants.END_REASON)).isNull();
            assertEnd(received.get(MediaStreams.FRAMES + 1), played.invite().callId(),
                    MediaSessionEvent.Reason.DEVICE_BYE);
            ByteArrayOutputStream units = new ByteArrayOutputStream();
            for (int i = 0; i <= MediaStreams.FRAMES; i++) {
                if (i != before) {
                    assertThat(received.get(i).getMessage().getHeader(Gb28181Constants.END_OF_STREAM)).isNull();
                    units.write(received.get(i).getMessage().getBody(byte[].class));
                }
            }
            assertThat(units.toByteArray()).as("every frame, in order, around the restart").isEqualTo(extraction);
        }
    }

    /** Invites the camera, streams the whole PS and returns the INVITE once the platform received every packet. */
    private SipRequest playAndStream(DatagramSocket media) throws Exception {
        Played played = play(camera, CHANNEL, media);
        List<byte[]> packets = new RtpSender(SsrcAllocator.wireValue(played.ssrc()), 1400, 5).packetise(ps,
                MediaStreams.endOnly(ps));
        MediaStreams.sendPaced(played.session(), packets, 0, media, WAIT);
        return played.invite();
    }

    /**
     * The SESSION_ENDED event went through its own route while the rtp routes still hold the session's frames
     * (they wait at the first one): only now may they go on.
     */
    private void releaseAfterSessionEnded() {
        MockEndpoint ended = getMockEndpoint("mock:ended");
        await().atMost(WAIT).until(() -> ended.getReceivedCounter() == 1);
        assertThat(getMockEndpoint("mock:stream").getReceivedCounter()).as("frames still queued").isZero();
        release.countDown();
    }

    private void assertEnded(String callId, MediaSessionEvent.Reason reason) throws Exception {
        MockEndpoint stream = getMockEndpoint("mock:stream");
        MockEndpoint slow = getMockEndpoint("mock:slow");
        MockEndpoint plain = getMockEndpoint("mock:plain");
        Gb28181RtpConsumer slowConsumer = (Gb28181RtpConsumer) context.getRoutes().stream()
                .filter(route -> route.getEndpoint().getEndpointUri().contains("eventQueueSize=2"))
                .findFirst().orElseThrow().getConsumer();
        await().atMost(WAIT).until(() -> stream.getReceivedCounter() == MediaStreams.FRAMES + 1
                && slow.getReceivedCounter() + slowConsumer.getDroppedFrames() == MediaStreams.FRAMES + 1);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> stream.getReceivedCounter()
                == MediaStreams.FRAMES + 1 && slow.getReceivedCounter() + slowConsumer.getDroppedFrames()
                == MediaStreams.FRAMES + 1);

        List<Exchange> frames = stream.getExchanges();
        ByteArrayOutputStream units = new ByteArrayOutputStream();
        for (Exchange frame : frames.subList(0, MediaStreams.FRAMES)) {
            assertThat(frame.getMessage().getHeader(Gb28181Constants.END_OF_STREAM)).isNull();
            units.write(frame.getMessage().getBody(byte[].class));
        }
        assertThat(units.toByteArray()).as("every frame, before the end of the stream").isEqualTo(extraction);
        assertEnd(frames.get(MediaStreams.FRAMES), callId, reason);

        assertThat(slowConsumer.getDroppedFrames()).as("the slow route lost frames").isPositive();
        List<Exchange> slowFrames = slow.getExchanges();
        assertEnd(slowFrames.get(slowFrames.size() - 1), callId, reason);
        assertThat(slowFrames.subList(0, slowFrames.size() - 1))
                .allSatisfy(frame -> assertThat(frame.getMessage().getHeader(Gb28181Constants.END_OF_STREAM)).isNull());

        MockEndpoint pss = getMockEndpoint("mock:ps");
        await().atMost(WAIT).until(() -> pss.getReceivedCounter() == 2);
        assertThat(pss.getExchanges().get(0).getMessage().getBody(byte[].class)).as("format=ps: the PS frame first")
                .isEqualTo(ps);
        assertEnd(pss.getExchanges().get(1), callId, reason);

        assertThat(plain.getReceivedCounter()).as("without endOfStream: one exchange per frame, nothing more")
                .isEqualTo(MediaStreams.FRAMES);
    }

    private static void assertEnd(Exchange exchange, String callId, MediaSessionEvent.Reason reason) {
        Message end = exchange.getMessage();
        assertThat(end.getHeader(Gb28181Constants.END_OF_STREAM)).isEqualTo(true);
        assertThat(end.getBody(byte[].class)).isEmpty();
        assertThat(end.getHeader(Gb28181Constants.CALL_ID)).isEqualTo(callId);
        assertThat(end.getHeader(Gb28181Constants.DEVICE_ID)).isEqualTo(CAMERA);
        assertThat(end.getHeader(Gb28181Constants.CHANNEL_ID)).isEqualTo(CHANNEL);
        assertThat(end.getHeader(Gb28181Constants.MODE)).isEqualTo("PLAY");
        assertThat(end.getHeader(Gb28181Constants.END_REASON)).isEqualTo(reason.name());
        MediaSessionEvent ended = end.getHeader(Gb28181Constants.SESSION_ENDED, MediaSessionEvent.class);
        assertThat(ended.callId()).isEqualTo(callId);
        assertThat(ended.reason()).isEqualTo(reason);
        assertThat(ended.videoFrames()).isEqualTo(MediaStreams.FRAMES);
    }
}

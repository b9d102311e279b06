package dev.gb28181.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gb28181.media.SsrcAllocator;
import dev.gb28181.platform.MediaSession;
import dev.gb28181.sip.Transport;
import dev.gb28181.testing.MediaStreams;
import dev.gb28181.testing.RtpSender;
import dev.gb28181.testing.TestDevice;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code gb28181:rtp} route that stalls never holds up the RTP event loop (GB/T 28181-2016 Annex C
 * media keeps being received): its worker queue fills, later frames are dropped and counted, and
 * once the route moves again it gets the session's frames from the next key frame on, never a frame
 * whose references were dropped.
 */
class Gb28181RtpSlowRouteTest extends Gb28181TestSupport {

    private static final String CAMERA = "34020000001320000001";
    private static final String CHANNEL = "34020000001310000001";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    static byte[] ps;

    private final CountDownLatch stalled = new CountDownLatch(1);

    @BeforeAll
    static void makeStream() throws Exception {
        ps = MediaStreams.h264Ps(dir);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:invite").to("gb28181:invite?channelId=" + CHANNEL);
                from("gb28181:rtp?concurrentConsumers=1&eventQueueSize=2").routeId("slow")
                        .process(exchange -> stalled.await(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                        .to("mock:frames");
            }
        };
    }

    @Test
    void aStalledRouteLosesFramesUpToTheNextKeyFrameAndTheRestArriveInOrder() throws Exception {
        TestDevice camera = device(Transport.UDP, CAMERA);
        assertThat(camera.register(3600).status()).isEqualTo(200);
        Gb28181RtpConsumer consumer = (Gb28181RtpConsumer) context.getRoute("slow").getConsumer();
        MockEndpoint frames = getMockEndpoint("mock:frames");

        try (DatagramSocket media = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Played played = play(camera, CHANNEL, media);
            String ssrc = played.ssrc();
            MediaSession session = played.session();

            List<byte[]> packets = new RtpSender(SsrcAllocator.wireValue(ssrc), 1400, 11).packetise(ps,
                    MediaStreams.endOnly(ps));
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", session.localMediaAddress().getPort());
            for (int from = 0; from < packets.size(); from++) { // one at a time: the release comes within the GOP
                int end = from + 1;
                RtpSender.sendUdp(packets.subList(from, end), media, to);
                await().atMost(WAIT).until(() -> session.rtpStats().packets() >= end);
                if (stalled.getCount() > 0 && consumer.getDroppedFrames() > 0) {
                    stalled.countDown(); // the route moves again while the first GOP is still arriving
                }
            }
            assertThat(stalled.getCount()).as("the stalled route made frames drop").isZero();
            await().atMost(WAIT).until(() -> frames.getReceivedCounter() + consumer.getDroppedFrames()
                    >= MediaStreams.FRAMES);
        }

        assertThat(frames.getReceivedCounter() + consumer.getDroppedFrames()).isEqualTo(MediaStreams.FRAMES);
        // frames 0..k-1 went through before the stall filled the queue, frames k..24 were dropped (k..24 after
        // the first drop skipped as they depend on it), frames 25..49 arrived from the second key frame on
        List<Exchange> received = frames.getExchanges();
        int resumed = received.size() - MediaStreams.FRAMES / 2;
        assertThat(consumer.getDroppedFrames()).isPositive();
        assertThat(resumed).as("frames before the stall").isBetween(1, 3);
        assertThat(keyFrame(received.get(0))).isTrue();
        assertThat(keyFrame(received.get(resumed))).as("after the gap the route gets a key frame first").isTrue();
        long first = pts(received.get(0));
        for (int i = 0; i < received.size(); i++) {
            int frame = i < resumed ? i : i - resumed + MediaStreams.FRAMES / 2;
            long pts = pts(received.get(i));
            if (pts >= 0) { // -1: the frame's PES carried no PTS
                assertThat(pts).as("exchange %d is frame %d", i, frame).isEqualTo(first + frame * 3600L);
            }
        }
    }

    private static boolean keyFrame(Exchange frame) {
        return frame.getMessage().getHeader(Gb28181Constants.KEY_FRAME, Boolean.class);
    }

    private static long pts(Exchange frame) {
        return frame.getMessage().getHeader(Gb28181Constants.PTS, Long.class);
    }
}

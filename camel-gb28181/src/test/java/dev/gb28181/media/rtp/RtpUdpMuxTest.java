package dev.gb28181.media.rtp;

import dev.gb28181.media.rtp.RtpReceiverTest.Collector;
import dev.gb28181.testing.NativeTransport;
import dev.gb28181.testing.RtpSender;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two sessions on one UDP port, told apart by SSRC, on real loopback sockets: on the native epoll transport
 * (which must be available on Linux x86_64) and, in {@link RtpUdpMuxNioTest}, on NIO.
 */
class RtpUdpMuxTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final EventLoopGroup group = RtpEventLoops.create(nativeTransport(), 1,
            new DefaultThreadFactory("rtp-mux-test", true));
    private final RtpUdpMux mux = new RtpUdpMux(group, new InetSocketAddress(LOOPBACK, 0), 65535);

    /** Whether the mux is asked to run on epoll ({@link RtpEventLoops#create}). */
    boolean nativeTransport() {
        return true;
    }

    @AfterEach
    void tearDown() throws Exception {
        mux.close().get(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static byte[] stream(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static void send(List<byte[]> packets, DatagramSocket device, RtpReceiver session) throws Exception {
        for (int from = 0; from < packets.size(); from += 32) {
            int to = Math.min(packets.size(), from + 32);
            RtpSender.sendUdp(packets.subList(from, to), device, session.localAddress());
            await().atMost(Duration.ofSeconds(10)).until(() -> session.stats().packets() >= to);
        }
    }

    @Test
    void sessionsOnOnePortGetTheirOwnStreams() throws Exception {
        assertThat(RtpEventLoops.isNative(group)).isEqualTo(NativeTransport.expected(nativeTransport()));
        InetSocketAddress port = mux.start().get(5, TimeUnit.SECONDS);
        Collector sinkA = new Collector();
        Collector sinkB = new Collector();
        byte[] psA = stream(100_000, 1);
        byte[] psB = stream(80_000, 2);
        try (DatagramSocket deviceA = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
                DatagramSocket deviceB = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            RtpReceiver a = mux.session(RtpReceiverConfig.of(100000001L,
                    (InetSocketAddress) deviceA.getLocalSocketAddress()), sinkA);
            RtpReceiver b = mux.session(RtpReceiverConfig.of(100000002L, null), sinkB);
            assertThat(a.start().get(5, TimeUnit.SECONDS)).isEqualTo(port);
            b.start().get(5, TimeUnit.SECONDS);
            assertThat(mux.sessions()).isEqualTo(2);
            RtpSender senderA = new RtpSender(100000001L, 1400, 1).impair(0.2, 0.1, 0);
            send(senderA.impaired(senderA.packetise(psA, null)), deviceA, a);
            send(new RtpSender(100000002L, 1400, 2).packetise(psB, null), deviceB, b);
            byte[] stray = new RtpSender(100000003L, 1400, 3).packetise(new byte[10], null).get(0);
            deviceA.send(new DatagramPacket(stray, stray.length, port));
            deviceA.send(new DatagramPacket(new byte[5], 5, port));
            await().atMost(Duration.ofSeconds(10)).until(() -> sinkA.size() == psA.length
                    && sinkB.size() == psB.length && mux.unknownSsrc() == 1 && mux.malformed() == 1);
            assertThat(sinkA.bytes()).isEqualTo(psA);
            assertThat(sinkB.bytes()).isEqualTo(psB);
            assertThat(a.stats().duplicates()).isPositive();
            assertThat(sinkA.largestBuffer()).isEqualTo(RtpPacket.HEADER_SIZE + 1400);

            a.close().get(5, TimeUnit.SECONDS);
            assertThat(mux.sessions()).isEqualTo(1);
            deviceA.send(new DatagramPacket(stray, stray.length, port));
            await().atMost(Duration.ofSeconds(10)).until(() -> mux.unknownSsrc() == 2);
        }
    }

    /** A datagram of the largest size accepted arrives whole; one a byte longer is counted, not cut and passed on. */
    @Test
    void aDatagramLongerThanTheLargestPacketIsCountedNotCut() throws Exception {
        RtpUdpMux small = new RtpUdpMux(group, new InetSocketAddress(LOOPBACK, 0), 4000);
        try (DatagramSocket device = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            InetSocketAddress port = small.start().get(5, TimeUnit.SECONDS);
            Collector sink = new Collector();
            RtpReceiver session = small.session(RtpReceiverConfig.of(100000001L, null), sink);
            session.start().get(5, TimeUnit.SECONDS);
            int payload = 4000 - RtpPacket.HEADER_SIZE;
            byte[] ps = stream(3 * payload + 1, 4);
            List<byte[]> packets = new RtpSender(100000001L, 65_000, 4).packetise(ps,
                    new int[] {payload, 2 * payload + 1, 3 * payload + 1});
            RtpSender.sendUdp(packets, device, port);
            await().atMost(Duration.ofSeconds(10)).until(() -> session.stats().packets() == 2 && small.malformed() == 1);
            session.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.size() == 2 * payload);
            assertThat(sink.bytes()).startsWith(RtpSender.payload(packets.get(0)))
                    .endsWith(RtpSender.payload(packets.get(2)));
            assertThat(small.unknownSsrc()).isZero();
        } finally {
            small.close().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void anSsrcHasOneSessionAtATime() throws Exception {
        mux.start().get(5, TimeUnit.SECONDS);
        RtpReceiver first = mux.session(RtpReceiverConfig.of(7, null), new Collector());
        first.start().get(5, TimeUnit.SECONDS);
        RtpReceiver second = mux.session(RtpReceiverConfig.of(7, null), new Collector());
        assertThatThrownBy(() -> second.start().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("already has a session");
        second.close().get(5, TimeUnit.SECONDS);
        assertThat(mux.sessions()).isEqualTo(1);
        assertThatThrownBy(() -> mux.session(RtpReceiverConfig.of(RtpReceiverConfig.ANY_SSRC, null), new Collector()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.gb28181.media.rtp;

import dev.gb28181.testing.NativeTransport;
import dev.gb28181.testing.RtpSender;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Receivers on real loopback sockets, fed by {@link RtpSender}, on the native epoll transport (where available;
 * it must be on Linux x86_64) and, in {@link RtpReceiverNioTest}, on NIO.
 */
class RtpReceiverTest {

    private static final long SSRC = 100000001L;
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final EventLoopGroup group = RtpEventLoops.create(nativeTransport(), 1,
            new DefaultThreadFactory("rtp-test", true));
    private final Collector sink = new Collector();
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** Records payload bytes and gaps; called on the receiver's loop, read by the test thread. */
    static final class Collector implements RtpSink {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int lost;
        private int packets;
        private int largestBuffer;

        @Override
        public synchronized void onPacket(RtpPacket p) {
            byte[] b = new byte[p.payload().readableBytes()];
            p.payload().getBytes(p.payload().readerIndex(), b);
            bytes.writeBytes(b);
            packets++;
            largestBuffer = Math.max(largestBuffer, p.payload().unwrap().capacity());
        }

        /** The capacity of the largest buffer a payload was a slice of: what a held packet keeps in memory. */
        synchronized int largestBuffer() {
            return largestBuffer;
        }

        @Override
        public synchronized void onGap(int lostPackets) {
            lost += lostPackets;
        }

        private int connectionsLost;
        private int sizeWhenLost = -1;

        @Override
        public synchronized void onConnectionLost() {
            connectionsLost++;
            sizeWhenLost = bytes.size();
        }

        synchronized int connectionsLost() {
            return connectionsLost;
        }

        /** The payload bytes delivered when the last connection loss was reported. */
        synchronized int sizeWhenLost() {
            return sizeWhenLost;
        }

        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }

        synchronized int size() {
            return bytes.size();
        }

        synchronized int lost() {
            return lost;
        }

        synchronized int packets() {
            return packets;
        }
    }

    /** Whether the receivers are asked to run on epoll ({@link RtpEventLoops#create}). */
    boolean nativeTransport() {
        return true;
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static byte[] stream(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private DatagramSocket udpSocket() throws Exception {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        resources.add(s);
        return s;
    }

    private <R extends RtpReceiver> R started(R receiver) throws Exception {
        receiver.start().get(5, TimeUnit.SECONDS);
        resources.add(() -> receiver.close().get(5, TimeUnit.SECONDS));
        return receiver;
    }

    private RtpUdpReceiver udp(RtpReceiverConfig config) throws Exception {
        return started(new RtpUdpReceiver(group, new InetSocketAddress(LOOPBACK, 0), config, sink));
    }

    /**
     * Sends in batches, each once the receiver has counted the previous one, so a small socket
     * receive buffer (net.core.rmem_max of 208 KiB on many CI hosts) never overflows on loopback.
     */
    private static void sendUdpPaced(List<byte[]> packets, DatagramSocket device, RtpReceiver receiver)
            throws Exception {
        long before = receiver.stats().packets();
        for (int from = 0; from < packets.size(); from += 32) {
            int to = Math.min(packets.size(), from + 32);
            RtpSender.sendUdp(packets.subList(from, to), device, receiver.localAddress());
            long expected = before + to;
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.stats().packets() >= expected);
        }
    }

    private static byte[] without(List<byte[]> packets, List<byte[]> dropped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : packets) {
            if (dropped.stream().noneMatch(d -> d == p)) {
                out.writeBytes(RtpSender.payload(p));
            }
        }
        return out.toByteArray();
    }

    @Test
    void theLoopsRunTheTransportAskedForAndNioWhereEpollIsMissing() {
        assertThat(RtpEventLoops.isNative(group)).isEqualTo(NativeTransport.expected(nativeTransport()));
    }

    /**
     * A socket the OS refuses (no file descriptor left) fails the bind's future like any other bind error: Netty
     * then hands back a placeholder channel that belongs to no event loop.
     */
    @Test
    void aSocketThatCannotBeCreatedFailsTheBind() {
        ChannelFuture bound = RtpEventLoops.bind(new Bootstrap().group(group.next())
                .channelFactory(() -> {
                    throw new ChannelException("Too many open files");
                })
                .handler(new ChannelInboundHandlerAdapter()), new InetSocketAddress(LOOPBACK, 0));
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        bound.addListener(f -> failure.complete(f.cause()));
        assertThat(failure).succeedsWithin(Duration.ofSeconds(5))
                .satisfies(cause -> assertThat(cause).isInstanceOf(ChannelException.class)
                        .hasMessage("Too many open files"));
    }

    @Test
    void udpDeliversTheStreamInOrder() throws Exception {
        byte[] ps = stream(300_000, 1);
        DatagramSocket device = udpSocket();
        RtpUdpReceiver receiver = udp(RtpReceiverConfig.of(SSRC, (InetSocketAddress) device.getLocalSocketAddress()));
        List<byte[]> packets = new RtpSender(SSRC, 1400, 1).packetise(ps, null);
        sendUdpPaced(packets, device, receiver);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.size() == ps.length);
        assertThat(sink.bytes()).isEqualTo(ps);
        assertThat(receiver.stats().packets()).isEqualTo(packets.size());
        assertThat(receiver.stats().bytes()).isEqualTo(ps.length);
        assertThat(receiver.stats().lost()).isZero();
        // each payload is a slice of its own datagram's bytes, not of the 64 KiB receive buffer
        assertThat(sink.largestBuffer()).isEqualTo(RtpPacket.HEADER_SIZE + 1400);
    }

    /**
     * Several-KiB datagrams (devices send RTP far beyond the MTU) sent in one burst, so epoll reads several per
     * {@code recvmmsg}: each up to maxPacketSize arrives whole, each longer one is counted as malformed, none is
     * cut to size and passed on.
     */
    @Test
    void udpDatagramsUpToTheLargestPacketArriveWholeAndLongerOnesAreCountedNotCut() throws Exception {
        int max = 9000;
        int header = RtpPacket.HEADER_SIZE;
        int[] payloads = {max - header, 1400, max - header + 1, 5000, 20_000, max - header - 1, 1, max - header + 100,
            4000, max - header};
        int[] frameEnds = new int[payloads.length];
        for (int i = 0, end = 0; i < payloads.length; i++) {
            end += payloads[i];
            frameEnds[i] = end;
        }
        byte[] ps = stream(frameEnds[payloads.length - 1], 14);
        List<byte[]> packets = new RtpSender(SSRC, 65_000, 14).packetise(ps, frameEnds);
        assertThat(packets).hasSameSizeAs(payloads);
        List<byte[]> tooLong = packets.stream().filter(p -> p.length > max).toList();
        assertThat(tooLong).hasSize(3);
        DatagramSocket device = udpSocket();
        RtpUdpReceiver receiver = udp(new RtpReceiverConfig(SSRC, null, 64, max, null));

        RtpSender.sendUdp(packets, device, receiver.localAddress());
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.stats().packets() + receiver.stats().malformed()
                == packets.size());
        receiver.flush();
        byte[] expected = without(packets, tooLong);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.size() == expected.length);
        assertThat(sink.bytes()).isEqualTo(expected);
        assertThat(receiver.stats().malformed()).isEqualTo(tooLong.size());
        assertThat(receiver.stats().packets()).isEqualTo(packets.size() - tooLong.size());
        assertThat(sink.largestBuffer()).isEqualTo(max);
    }

    /** The largest datagram IPv4 carries (65507 bytes) and smaller ones in one burst, with the default maximum. */
    @Test
    void udpTheLargestDatagramArrivesWhole() throws Exception {
        int[] frameEnds = {65_495, 65_495 + 30_000, 65_495 + 30_000 + 1400, 2 * 65_495 + 31_400};
        byte[] ps = stream(frameEnds[3], 15);
        DatagramSocket device = udpSocket();
        RtpUdpReceiver receiver = udp(RtpReceiverConfig.of(SSRC, null));
        List<byte[]> packets = new RtpSender(SSRC, 65_495, 15).packetise(ps, frameEnds);
        RtpSender.sendUdp(packets, device, receiver.localAddress());
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.size() == ps.length);
        assertThat(sink.bytes()).isEqualTo(ps);
        assertThat(receiver.stats().packets()).isEqualTo(4);
        assertThat(receiver.stats().malformed()).isZero();
    }

    @Test
    void udpRepairsReorderingAndDuplicatesAcrossTheSequenceWrap() throws Exception {
        byte[] ps = stream(200_000, 2);
        DatagramSocket device = udpSocket();
        RtpUdpReceiver receiver = udp(RtpReceiverConfig.of(SSRC, (InetSocketAddress) device.getLocalSocketAddress()));
        RtpSender sender = new RtpSender(SSRC, 1000, 2).startSequence(65500).impair(0.2, 0.1, 0);
        List<byte[]> packets = sender.packetise(ps, null);
        sendUdpPaced(sender.impaired(packets), device, receiver);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.size() == ps.length);
        assertThat(sink.bytes()).isEqualTo(ps);
        assertThat(receiver.stats().reordered()).isPositive();
        assertThat(receiver.stats().duplicates()).isPositive();
        assertThat(receiver.stats().lost()).isZero();
        assertThat(sink.packets()).isEqualTo(packets.size());
    }

    @Test
    void udpReportsLossAsGaps() throws Exception {
        byte[] ps = stream(200_000, 3);
        DatagramSocket device = udpSocket();
        RtpUdpReceiver receiver = udp(RtpReceiverConfig.of(SSRC, (InetSocketAddress) device.getLocalSocketAddress()));
        RtpSender sender = new RtpSender(SSRC, 1000, 3).impair(0.1, 0, 0.05);
        List<byte[]> packets = sender.packetise(ps, null);
        sendUdpPaced(sender.impaired(packets), device, receiver);
        byte[] expected = without(packets, sender.dropped());
        assertThat(sender.dropped()).isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.stats().packets() == packets.size()
                - sender.dropped().size());
        receiver.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.size() == expected.length);
        assertThat(sink.bytes()).isEqualTo(expected);
        assertThat(sink.lost()).isEqualTo(sender.dropped().size());
        assertThat(receiver.stats().lost()).isEqualTo(sender.dropped().size());
    }

    @Test
    void udpDropsOtherSourcesOtherSsrcsAndGarbage() throws Exception {
        byte[] ps = stream(50_000, 4);
        DatagramSocket device = udpSocket();
        DatagramSocket intruder = udpSocket();
        RtpUdpReceiver receiver = udp(RtpReceiverConfig.of(SSRC, (InetSocketAddress) device.getLocalSocketAddress()));
        InetSocketAddress to = receiver.localAddress();
        RtpSender.sendUdp(new RtpSender(SSRC, 1000, 5).packetise(stream(5000, 5), null), intruder, to);
        RtpSender.sendUdp(new RtpSender(SSRC + 1, 1000, 6).packetise(stream(3000, 6), null), device, to);
        byte[][] garbage = {{1, 2, 3}, new byte[40], {(byte) 0x90, 96, 0, 1, 0, 0, 0, 0, 5, (byte) 0xF5, (byte) 0xE1, 1,
                (byte) 0xBE, (byte) 0xDE}, {(byte) 0xA0, 96, 0, 1, 0, 0, 0, 0, 5, (byte) 0xF5, (byte) 0xE1, 1, 9}};
        for (byte[] g : garbage) {
            device.send(new DatagramPacket(g, g.length, to));
        }
        sendUdpPaced(new RtpSender(SSRC, 1000, 7).packetise(ps, null), device, receiver);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.size() == ps.length);
        assertThat(sink.bytes()).isEqualTo(ps);
        assertThat(receiver.stats().wrongSource()).isEqualTo(5);
        assertThat(receiver.stats().wrongSsrc()).isEqualTo(3);
        assertThat(receiver.stats().malformed()).isEqualTo(garbage.length);
    }

    @Test
    void udpLocksOntoTheFirstSsrcWhenAnyIsAccepted() throws Exception {
        byte[] ps = stream(20_000, 8);
        DatagramSocket device = udpSocket();
        RtpUdpReceiver receiver = udp(RtpReceiverConfig.of(RtpReceiverConfig.ANY_SSRC, null));
        sendUdpPaced(new RtpSender(1234567890L, 1000, 8).packetise(ps, null), device, receiver);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.size() == ps.length);
        assertThat(receiver.ssrc()).isEqualTo(1234567890L);
    }

    @Test
    void aFailingSinkDoesNotEndTheSession() throws Exception {
        byte[] ps = stream(20_000, 13);
        DatagramSocket device = udpSocket();
        RtpSink failingOnce = new RtpSink() {
            private boolean failed;

            @Override
            public void onPacket(RtpPacket p) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("sink bug");
                }
                sink.onPacket(p);
            }

            @Override
            public void onGap(int lostPackets) {
                sink.onGap(lostPackets);
            }
        };
        RtpUdpReceiver receiver = started(new RtpUdpReceiver(group, new InetSocketAddress(LOOPBACK, 0),
                RtpReceiverConfig.of(SSRC, null), failingOnce));
        List<byte[]> packets = new RtpSender(SSRC, 1000, 13).packetise(ps, null);
        sendUdpPaced(packets, device, receiver);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.size() == ps.length - 1000);
        assertThat(sink.bytes()).isEqualTo(Arrays.copyOfRange(ps, 1000, ps.length));
    }

    @Test
    void tcpPassiveDeliversTheStreamAndSurvivesABadFrame() throws Exception {
        byte[] ps = stream(300_000, 9);
        RtpTcpPassiveReceiver receiver = started(new RtpTcpPassiveReceiver(group, new InetSocketAddress(LOOPBACK, 0),
                RtpReceiverConfig.of(SSRC, new InetSocketAddress(LOOPBACK, 0)), sink));
        int[] frameEnds = {100_000, 100_001, 250_000, ps.length};
        List<byte[]> packets = new RtpSender(SSRC, 1400, 9).packetise(ps, frameEnds);
        try (Socket device = new Socket(LOOPBACK, receiver.localAddress().getPort())) {
            DataOutputStream out = new DataOutputStream(device.getOutputStream());
            out.writeShort(3);
            out.write(new byte[] {1, 2, 3});
            out.writeShort(0);
            RtpSender.sendTcp(packets, out);
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.size() == ps.length);
        }
        assertThat(sink.bytes()).isEqualTo(ps);
        assertThat(receiver.stats().malformed()).isEqualTo(2);
        assertThat(receiver.stats().packets()).isEqualTo(packets.size());
    }

    @Test
    void tcpPassiveClosesAConnectionWithAnOversizeFrameAndAcceptsTheNext() throws Exception {
        byte[] ps = stream(20_000, 10);
        RtpTcpPassiveReceiver receiver = started(new RtpTcpPassiveReceiver(group, new InetSocketAddress(LOOPBACK, 0),
                new RtpReceiverConfig(SSRC, null, 16, 2000, null), sink));
        try (Socket bad = new Socket(LOOPBACK, receiver.localAddress().getPort())) {
            DataOutputStream out = new DataOutputStream(bad.getOutputStream());
            out.writeShort(4000);
            out.write(new byte[4000]);
            out.flush();
            bad.setSoTimeout(5000);
            assertThat(readToClose(bad.getInputStream())).as("closed by the receiver").isEqualTo(-1);
        }
        assertThat(receiver.stats().malformed()).isEqualTo(1);
        try (Socket device = RtpSender.connectAndSend(new RtpSender(SSRC, 1400, 10).packetise(ps, null),
                receiver.localAddress())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.size() == ps.length);
        }
        assertThat(sink.bytes()).isEqualTo(ps);
    }

    /**
     * -1 once the receiver closed the connection: an orderly end, or the reset Linux sends instead when the
     * receiver closed with bytes of the device still unread (which one depends on how far the transport had read
     * when the frame was refused; on epoll it is usually the reset).
     */
    private static int readToClose(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException e) {
            assertThat(e).hasMessageContaining("reset");
            return -1;
        }
    }

    @Test
    void tcpPassiveReportsTheDevicesCloseAfterItsHeldPacketsButNotItsOwnClose() throws Exception {
        byte[] ps = stream(200_000, 14);
        RtpTcpPassiveReceiver receiver = started(new RtpTcpPassiveReceiver(group, new InetSocketAddress(LOOPBACK, 0),
                RtpReceiverConfig.of(SSRC, new InetSocketAddress(LOOPBACK, 0)), sink));
        List<byte[]> all = new RtpSender(SSRC, 1400, 14).packetise(ps, null);
        byte[] lost = all.get(all.size() - 3);
        List<byte[]> packets = all.stream().filter(p -> p != lost).toList();
        byte[] expected = without(all, List.of(lost));
        try (Socket device = RtpSender.connectAndSend(packets, receiver.localAddress())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.stats().packets() == packets.size());
            assertThat(sink.size()).as("the two after the hole are held").isLessThan(expected.length);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.connectionsLost() == 1);
        assertThat(sink.sizeWhenLost()).as("the packets held for reordering delivered first")
                .isEqualTo(expected.length);
        assertThat(sink.bytes()).isEqualTo(expected);

        try (Socket again = RtpSender.connectAndSend(packets.subList(0, 3), receiver.localAddress())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.stats().packets() == packets.size() + 3);
            receiver.close().get(5, TimeUnit.SECONDS);
        }
        assertThat(sink.connectionsLost()).as("not when the receiver closes it").isEqualTo(1);
    }

    @Test
    void tcpPassiveRefusesAConnectionFromAnotherAddress() throws Exception {
        RtpTcpPassiveReceiver receiver = started(new RtpTcpPassiveReceiver(group, new InetSocketAddress(LOOPBACK, 0),
                RtpReceiverConfig.of(SSRC, new InetSocketAddress(LOOPBACK, 1)), sink));
        try (Socket intruder = new Socket(LOOPBACK, receiver.localAddress().getPort())) {
            intruder.setSoTimeout(5000);
            assertThat(intruder.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(receiver.stats().wrongSource()).isEqualTo(1);
        assertThat(sink.connectionsLost()).as("a refused connection was never the session's").isZero();
    }

    @Test
    void tcpActiveConnectsToTheDeviceAndDeliversTheStream() throws Exception {
        byte[] ps = stream(300_000, 12);
        List<byte[]> packets = new RtpSender(SSRC, 1400, 12).packetise(ps, null);
        try (ServerSocket device = new ServerSocket(0, 1, LOOPBACK)) {
            CompletableFuture<Socket> sent = CompletableFuture.supplyAsync(() -> {
                try {
                    return RtpSender.acceptAndSend(packets, device);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            InetSocketAddress deviceAddress = (InetSocketAddress) device.getLocalSocketAddress();
            started(new RtpTcpActiveReceiver(group, deviceAddress, Duration.ofSeconds(5),
                    RtpReceiverConfig.of(SSRC, deviceAddress), sink));
            try (Socket s = sent.get(10, TimeUnit.SECONDS)) {
                await().atMost(Duration.ofSeconds(10)).until(() -> sink.size() == ps.length);
            }
        }
        assertThat(sink.bytes()).isEqualTo(ps);
    }

    /** A port in use fails the start with the JDK's BindException on either transport (the platform retries it). */
    @Test
    void aPortInUseFailsTheStartWithABindException() throws Exception {
        DatagramSocket taken = udpSocket();
        RtpUdpReceiver udp = new RtpUdpReceiver(group, (InetSocketAddress) taken.getLocalSocketAddress(),
                RtpReceiverConfig.of(SSRC, null), sink);
        assertThatThrownBy(() -> udp.start().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(BindException.class);
        udp.close().get(5, TimeUnit.SECONDS);
        try (ServerSocket listening = new ServerSocket(0, 1, LOOPBACK)) {
            RtpTcpPassiveReceiver tcp = new RtpTcpPassiveReceiver(group,
                    (InetSocketAddress) listening.getLocalSocketAddress(), RtpReceiverConfig.of(SSRC, null), sink);
            assertThatThrownBy(() -> tcp.start().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(BindException.class);
            tcp.close().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void tcpActiveReportsAFailedConnect() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            nobody = (InetSocketAddress) s.getLocalSocketAddress();
        }
        RtpTcpActiveReceiver receiver = new RtpTcpActiveReceiver(group, nobody, Duration.ofSeconds(5),
                RtpReceiverConfig.of(SSRC, nobody), sink);
        CompletableFuture<InetSocketAddress> start = receiver.start();
        await().atMost(Duration.ofSeconds(10)).until(start::isDone);
        assertThat(start).isCompletedExceptionally();
        receiver.close().get(5, TimeUnit.SECONDS);
    }
}

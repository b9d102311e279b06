package dev.gb28181.sip.transport;

import dev.gb28181.sip.SipMessage;
import dev.gb28181.sip.SipMethod;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipStack;
import dev.gb28181.sip.Transport;
import dev.gb28181.sip.Via;
import dev.gb28181.sip.testsupport.Requests;
import dev.gb28181.sip.testsupport.TcpPeer;
import dev.gb28181.sip.testsupport.TestStacks;
import dev.gb28181.sip.testsupport.UdpPeer;
import dev.gb28181.sip.transaction.ServerTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The transport layer over real loopback sockets: one port for UDP and TCP, framing, bad input, reuse. */
class SipTransportTest {

    private final CopyOnWriteArrayList<ServerTransaction> seen = new CopyOnWriteArrayList<>();
    private SipStack stack;

    @BeforeEach
    void start() {
        stack = TestStacks.started(tx -> {
            seen.add(tx);
            tx.respond(200);
        });
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    @Test
    void answersUdpAndTcpOnOnePortWithReceivedAndRport() {
        assertThat(stack.isBound()).isTrue();
        assertThat(stack.port()).isPositive();

        try (UdpPeer device = new UdpPeer()) {
            device.send(Requests.request("OPTIONS", "UDP", "192.168.1.64:5060", Requests.branch(), "udp-1", 1, null),
                    stack.port());
            SipResponse response = (SipResponse) device.takeMessage();
            assertThat(response.status()).isEqualTo(200);
            Via via = response.topVia();
            assertThat(via.host()).isEqualTo("192.168.1.64");
            assertThat(via.received()).isEqualTo("127.0.0.1");
            assertThat(via.rport()).isEqualTo(device.port());
            assertThat(response.to().tag()).isNotBlank();
        }

        try (TcpPeer device = TcpPeer.connect(stack.port())) {
            device.write(Requests.request("OPTIONS", "TCP", "192.168.1.64:5060", Requests.branch(), "tcp-1", 1, null));
            SipResponse response = (SipResponse) device.readMessage();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.topVia().received()).isEqualTo("127.0.0.1");
            assertThat(response.topVia().rport()).isEqualTo(device.localAddress().getPort());
        }
        assertThat(seen).extracting(ServerTransaction::transport).containsExactly(Transport.UDP, Transport.TCP);
        assertThat(seen.get(0).source().getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void garbageDatagramsAreCountedAndDoNotHurt() {
        try (UdpPeer device = new UdpPeer()) {
            byte[] noise = new byte[700];
            new Random(42).nextBytes(noise);
            device.send(noise, stack.port());
            device.send("INVITE sip:34020000002000000001@3402000000 SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1;bra",
                    stack.port());
            device.send("SIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n", stack.port());
            await().atMost(Duration.ofSeconds(5)).until(() -> stack.stats().parseErrorsDropped() == 3);

            device.send(Requests.keepalive("UDP", Requests.branch(), "after-garbage"), stack.port());
            assertThat(Requests.status(device.take())).isEqualTo(200);
            assertThat(device.received()).hasSize(1);
            assertThat(seen).hasSize(1);
            assertThat(stack.stats().received()).isEqualTo(4);
        }
    }

    @Test
    void requestWithBadCSeqGets400WithReason() {
        try (UdpPeer device = new UdpPeer()) {
            String bad = Requests.keepalive("UDP", Requests.branch(), "bad-cseq").replace("CSeq: 20 MESSAGE",
                    "CSeq: twenty MESSAGE");
            device.send(bad, stack.port());
            String response = device.take(); // raw: the echoed CSeq does not parse, by design
            assertThat(Requests.status(response)).isEqualTo(400);
            assertThat(response).startsWith("SIP/2.0 400 ").containsIgnoringCase("CSeq")
                    .contains("Call-ID: bad-cseq\r\n").contains("CSeq: twenty MESSAGE\r\n");
            assertThat(stack.stats().badRequestsAnswered()).isEqualTo(1);
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void cseqMethodOtherThanTheRequestMethodGets400() {
        try (UdpPeer device = new UdpPeer()) {
            device.send(Requests.keepalive("UDP", Requests.branch(), "cseq-method").replace("CSeq: 20 MESSAGE",
                    "CSeq: 20 INFO"), stack.port());
            assertThat(Requests.status(device.take())).isEqualTo(400);
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void oversizeDatagramIsRefusedWith413() {
        try (SipStack small = TestStacks.started(TestStacks.config().maxMessageSize(4096), tx -> tx.respond(200));
                UdpPeer device = new UdpPeer()) {
            String body = "<Notify>" + "x".repeat(6000) + "</Notify>";
            device.send(Requests.request("MESSAGE", "UDP", "192.168.1.64:5060", Requests.branch(), "big", 3, body),
                    small.port());
            SipResponse response = (SipResponse) device.takeMessage();
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.callId()).isEqualTo("big");
            assertThat(small.stats().oversizeRefused()).isEqualTo(1);

            byte[] noise = new byte[5000];
            new Random(7).nextBytes(noise);
            device.send(noise, small.port());
            await().atMost(Duration.ofSeconds(5)).until(() -> small.stats().oversizeRefused() == 2);
            assertThat(device.received()).hasSize(1);
        }
    }

    @Test
    void tcpFramesTwoMessagesInOneWriteAndOneMessageOverManyWrites() {
        try (TcpPeer device = TcpPeer.connect(stack.port())) {
            String first = Requests.keepalive("TCP", Requests.branch(), "tcp-a");
            String second = Requests.keepalive("TCP", Requests.branch(), "tcp-b");
            device.write(first + second);
            assertThat(device.readMessage().callId()).isEqualTo("tcp-a");
            assertThat(device.readMessage().callId()).isEqualTo("tcp-b");

            byte[] third = Requests.keepalive("TCP", Requests.branch(), "tcp-c").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < third.length; i += 7) {
                device.write(java.util.Arrays.copyOfRange(third, i, Math.min(third.length, i + 7)));
            }
            assertThat(device.readMessage().callId()).isEqualTo("tcp-c");
            assertThat(seen).extracting(tx -> tx.request().callId()).containsExactly("tcp-a", "tcp-b", "tcp-c");
        }
    }

    @Test
    void tcpKeepalivePingGetsPong() {
        try (TcpPeer device = TcpPeer.connect(stack.port())) {
            device.write("\r\n\r\n");
            assertThat(device.readRaw(2)).isEqualTo("\r\n");
            device.write("\r\n\r\n" + Requests.keepalive("TCP", Requests.branch(), "after-ping"));
            assertThat(device.readRaw(2)).isEqualTo("\r\n");
            assertThat(device.readMessage().callId()).isEqualTo("after-ping");
        }
    }

    @Test
    void tcpHeaderSectionOver64KiBClosesTheConnection() {
        try (TcpPeer device = TcpPeer.connect(stack.port())) {
            StringBuilder huge = new StringBuilder("MESSAGE sip:a@b SIP/2.0\r\n");
            while (huge.length() < 70 * 1024) {
                huge.append("X-Filler: ").append("y".repeat(100)).append("\r\n");
            }
            device.write(huge.toString());
            assertThat(device.closedByPeer()).isTrue();
            assertThat(stack.stats().oversizeRefused()).isEqualTo(1);
            assertThat(seen).isEmpty();
        }
        assertThat(stack.isBound()).isTrue();
    }

    @Test
    void tcpUnframeableStreamClosesTheConnection() {
        try (TcpPeer device = TcpPeer.connect(stack.port())) {
            device.write("MESSAGE sip:a@b SIP/2.0\r\nContent-Length: lots\r\n\r\n");
            assertThat(device.closedByPeer()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> stack.stats().parseErrorsDropped() == 1);
        }
    }

    @Test
    void requestToADeviceReusesTheConnectionItOpened() throws Exception {
        try (TcpPeer device = TcpPeer.connect(stack.port())) {
            device.write(Requests.request("REGISTER", "TCP", "192.168.1.64:5060", Requests.branch(), "reg-1", 1, null));
            assertThat(((SipResponse) device.readMessage()).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> stack.stats().tcpConnections() == 1);
            InetSocketAddress deviceAddress = seen.get(0).source();
            assertThat(deviceAddress.getPort()).isEqualTo(device.localAddress().getPort());

            CompletableFuture<SipResponse> answer = stack.sendRequest(Requests.outbound(SipMethod.MESSAGE, "query-1", 2),
                    Transport.TCP, deviceAddress);
            SipRequest query = (SipRequest) device.readMessage();
            assertThat(query.method()).isEqualTo(SipMethod.MESSAGE);
            assertThat(query.topVia().transport()).isEqualTo("TCP");
            assertThat(query.topVia().port()).isEqualTo(stack.port());
            assertThat(query.header("Max-Forwards")).isEqualTo("70");
            device.write(query.createResponse(200, "dev-tag"));
            assertThat(answer.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(stack.stats().tcpConnections()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> stack.stats().tcpConnections() == 0);
    }

    @Test
    void requestOverTcpOpensAConnectionWhenThereIsNone() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(5000);
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            CompletableFuture<SipResponse> answer = stack.sendRequest(Requests.outbound(SipMethod.MESSAGE, "out-1", 1),
                    Transport.TCP, target);
            try (TcpPeer device = new TcpPeer(listener.accept())) {
                SipRequest request = (SipRequest) device.readMessage();
                device.write(request.createResponse(200, "t1"));
                assertThat(answer.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);

                CompletableFuture<SipResponse> second = stack.sendRequest(
                        Requests.outbound(SipMethod.MESSAGE, "out-2", 2), Transport.TCP, target);
                SipRequest again = (SipRequest) device.readMessage(); // same connection, no new accept
                device.write(again.createResponse(200, "t2"));
                assertThat(second.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void connectToAClosedPortFailsTheFutureQuickly() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        long before = System.nanoTime();
        CompletableFuture<SipResponse> answer = stack.sendRequest(Requests.outbound(SipMethod.MESSAGE, "nobody", 1),
                Transport.TCP, new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(500));
        assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConnectException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> stack.stats().activeClientTx() == 0);
    }

    @Test
    void stackAnswersParseErrorsOverTcpWithoutClosing() {
        try (TcpPeer device = TcpPeer.connect(stack.port())) {
            device.write(Requests.keepalive("TCP", Requests.branch(), "tcp-bad").replace("CSeq: 20 MESSAGE",
                    "CSeq: x MESSAGE"));
            assertThat(Requests.status(device.readText())).isEqualTo(400);
            device.write(Requests.keepalive("TCP", Requests.branch(), "tcp-good"));
            SipMessage ok = device.readMessage();
            assertThat(((SipResponse) ok).status()).isEqualTo(200);
        }
    }
}

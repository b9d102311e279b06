package dev.gb28181.sip.transaction;

import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipMethod;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipStack;
import dev.gb28181.sip.Transport;
import dev.gb28181.sip.testsupport.Requests;
import dev.gb28181.sip.testsupport.TcpPeer;
import dev.gb28181.sip.testsupport.TestStacks;
import dev.gb28181.sip.testsupport.UdpPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Client transactions of RFC 3261 §17.1 against a device on a raw socket. */
class ClientTransactionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final UdpPeer device = new UdpPeer();
    private SipStack stack = TestStacks.started(tx -> tx.respond(200));

    @AfterEach
    void stop() {
        device.close();
        stack.close();
    }

    @Test
    void nonInviteIsRetransmittedWithTimerEAndTimesOutWithTimerF() {
        CompletableFuture<SipResponse> answer = stack.sendRequest(Requests.outbound(SipMethod.MESSAGE, "silent", 1),
                Transport.UDP, device.address());

        assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SipTransactionTimeoutException.class);
        SipTransactionTimeoutException timeout = (SipTransactionTimeoutException) answer.handle((r, e) -> e).join();
        assertThat(timeout.method()).isEqualTo(SipMethod.MESSAGE);
        assertThat(timeout.callId()).isEqualTo("silent");
        // T1 = 20 ms, T2 = 80 ms, F = 64*T1 = 1280 ms: sent at 0, 20, 60, 140, then every 80 ms: 18 copies
        List<String> copies = device.received();
        assertThat(copies).hasSizeBetween(12, 19).allMatch(c -> c.startsWith("MESSAGE sip:"));
        assertThat(copies).containsOnly(copies.get(0));
        assertThat(stack.stats().clientTimeouts()).isEqualTo(1);
        assertThat(stack.stats().retransmissionsSent()).isEqualTo(copies.size() - 1);
        assertThat(stack.stats().activeClientTx()).isZero();
    }

    @Test
    void provisionalResponseSlowsRetransmissionToT2() {
        List<SipResponse> provisional = new CopyOnWriteArrayList<>();
        CompletableFuture<SipResponse> answer = stack.sendRequest(Requests.outbound(SipMethod.MESSAGE, "slow", 1),
                Transport.UDP, device.address(), provisional::add);
        SipRequest request = (SipRequest) device.takeMessage();
        device.send(request.createResponse(100, null), stack.port());
        await().atMost(WAIT).until(() -> provisional.size() == 1);
        int copies = device.received().size();
        await().atMost(WAIT).until(() -> device.received().size() >= copies + 2); // Timer E goes on, every T2
        device.send(request.createResponse(200, "dev"), stack.port());
        assertThat(answer.join().status()).isEqualTo(200);
        assertThat(provisional.get(0).status()).isEqualTo(100);
        await().atMost(WAIT).until(() -> stack.stats().activeClientTx() == 0); // Timer K
    }

    @Test
    void nothingIsRetransmittedOverTcp() throws Exception {
        try (SipStack tcpStack = TestStacks.started(TestStacks.config().timerF(Duration.ofMillis(500)),
                tx -> tx.respond(200));
                ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<SipResponse> answer = tcpStack.sendRequest(
                    Requests.outbound(SipMethod.MESSAGE, "tcp-silent", 1), Transport.TCP,
                    new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()));
            listener.setSoTimeout(5000);
            try (TcpPeer peer = new TcpPeer(listener.accept())) {
                assertThat(peer.readMessage().callId()).isEqualTo("tcp-silent");
                assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(SipTransactionTimeoutException.class);
                assertThat(tcpStack.stats().retransmissionsSent()).isZero();
                assertThat(tcpStack.stats().sent()).isEqualTo(1);
            }
        }
    }

    @Test
    void inviteDeliversProvisionalResponsesAndCompletesWith200() {
        List<Integer> provisional = new CopyOnWriteArrayList<>();
        CompletableFuture<SipResponse> answer = stack.sendRequest(Requests.outbound(SipMethod.INVITE, "play-1", 1),
                Transport.UDP, device.address(), r -> provisional.add(r.status()));
        SipRequest invite = (SipRequest) device.takeMessage();
        assertThat(invite.topVia().branch()).startsWith("z9hG4bK");
        assertThat(invite.topVia().hasParam("rport")).isTrue();
        assertThat(invite.topVia().port()).isEqualTo(stack.port());
        assertThat(invite.header(HeaderNames.MAX_FORWARDS)).isEqualTo("70");
        assertThat(invite.header(HeaderNames.USER_AGENT)).isEqualTo("camel-gb28181-test");

        device.send(invite.createResponse(100, null), stack.port());
        device.send(invite.createResponse(180, "dev"), stack.port());
        await().atMost(WAIT).until(() -> provisional.size() == 2);
        assertThat(answer).isNotDone();
        SipResponse ok = invite.createResponse(200, "dev");
        device.send(ok, stack.port());
        assertThat(answer.join().status()).isEqualTo(200);
        assertThat(provisional).containsExactly(100, 180);

        // the caller's ACK for the 2xx is sent again when the 2xx is retransmitted (ACK lost)
        SipRequest ack = new SipRequest(SipMethod.ACK, invite.requestUri());
        ack.addHeader(HeaderNames.FROM, invite.header(HeaderNames.FROM));
        ack.addHeader(HeaderNames.TO, answer.join().header(HeaderNames.TO));
        ack.addHeader(HeaderNames.CALL_ID, "play-1");
        ack.addHeader(HeaderNames.CSEQ, "1 ACK");
        stack.sendStateless(ack, Transport.UDP, device.address());
        await().atMost(WAIT).until(() -> device.received().stream().filter(m -> m.startsWith("ACK ")).count() == 1);
        device.send(ok, stack.port());
        await().atMost(WAIT).until(() -> device.received().stream().filter(m -> m.startsWith("ACK ")).count() == 2);
        SipRequest sentAck = (SipRequest) Requests.parse(device.received().get(device.received().size() - 1));
        assertThat(sentAck.topVia().branch()).isNotEqualTo(invite.topVia().branch());
    }

    @Test
    void non2xxFinalResponseIsAcknowledgedByTheTransaction() {
        CompletableFuture<SipResponse> answer = stack.sendRequest(Requests.outbound(SipMethod.INVITE, "play-2", 5),
                Transport.UDP, device.address());
        SipRequest invite = (SipRequest) device.takeMessage();
        SipResponse busy = invite.createResponse(486, "dev-486");
        device.send(busy, stack.port());
        assertThat(answer.join().status()).isEqualTo(486);

        SipRequest ack = (SipRequest) nextRequest(SipMethod.ACK);
        assertThat(ack.cseq().seq()).isEqualTo(5);
        assertThat(ack.cseq().method()).isEqualTo(SipMethod.ACK);
        assertThat(ack.topVia().branch()).isEqualTo(invite.topVia().branch());
        assertThat(ack.to().tag()).isEqualTo("dev-486");
        assertThat(ack.requestUri()).isEqualTo(invite.requestUri());

        device.send(busy, stack.port()); // the 486 again: the ACK again
        await().atMost(WAIT).until(() -> device.received().stream().filter(m -> m.startsWith("ACK ")).count() == 2);
        assertThat(stack.stats().retransmissionsAbsorbed()).isEqualTo(1);
    }

    @Test
    void strayResponseIsDroppedAndCounted() {
        SipRequest unknown = Requests.outbound(SipMethod.MESSAGE, "stray", 1);
        unknown.addHeader(HeaderNames.VIA, "SIP/2.0/UDP 127.0.0.1:" + stack.port() + ";branch=z9hG4bKnobody");
        device.send(unknown.createResponse(200, "x"), stack.port());
        await().atMost(WAIT).until(() -> stack.stats().strayResponses() == 1);
    }

    @Test
    void stoppingTheStackFailsPendingTransactions() {
        CompletableFuture<SipResponse> answer = stack.sendRequest(Requests.outbound(SipMethod.MESSAGE, "pending", 1),
                Transport.UDP, device.address());
        device.take();
        stack.stop();
        assertThatThrownBy(answer::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(stack.isBound()).isFalse();
        stack.stop(); // idempotent
        assertThatThrownBy(() -> stack.sendRequest(Requests.outbound(SipMethod.MESSAGE, "late", 2), Transport.UDP,
                device.address()).join()).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void ackIsNotAClientTransaction() {
        assertThatThrownBy(() -> stack.sendRequest(Requests.outbound(SipMethod.ACK, "ack", 1), Transport.UDP,
                device.address()).join()).hasCauseInstanceOf(IllegalArgumentException.class);
    }

    private SipRequest nextRequest(String method) {
        while (true) {
            if (device.takeMessage() instanceof SipRequest r && r.method().equals(method)) {
                return r;
            }
        }
    }
}

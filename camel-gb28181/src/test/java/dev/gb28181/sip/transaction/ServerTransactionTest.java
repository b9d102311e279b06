package dev.gb28181.sip.transaction;

import dev.gb28181.sip.SipMethod;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipStack;
import dev.gb28181.sip.testsupport.Requests;
import dev.gb28181.sip.testsupport.TestStacks;
import dev.gb28181.sip.testsupport.UdpPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Server transactions of RFC 3261 §17.2 against a device on a raw UDP socket. */
class ServerTransactionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private SipStack stack;
    private final UdpPeer device = new UdpPeer();

    @AfterEach
    void stop() {
        device.close();
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void retransmittedMessageRunsTheHandlerOnceAndGetsTheSameResponse() {
        AtomicInteger calls = new AtomicInteger();
        stack = TestStacks.started(tx -> {
            calls.incrementAndGet();
            tx.respond(200);
        });
        String keepalive = Requests.keepalive("UDP", Requests.branch(), "ka-1");
        device.send(keepalive, stack.port());
        String first = device.take();
        device.send(keepalive, stack.port());
        device.send(keepalive, stack.port());
        String second = device.take();
        String third = device.take();

        assertThat(calls).hasValue(1);
        assertThat(Requests.status(first)).isEqualTo(200);
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(stack.stats().retransmissionsAbsorbed()).isEqualTo(2);
        assertThat(stack.stats().activeServerTx()).isEqualTo(1); // Timer J keeps it for 64*T1
        await().atMost(WAIT).until(() -> stack.stats().activeServerTx() == 0);
    }

    @Test
    void retransmissionBeforeTheAnswerIsAbsorbedThenAnswered() {
        AtomicReference<ServerTransaction> pending = new AtomicReference<>();
        stack = TestStacks.started(pending::set);
        String keepalive = Requests.keepalive("UDP", Requests.branch(), "ka-2");
        device.send(keepalive, stack.port());
        await().atMost(WAIT).until(() -> pending.get() != null);
        device.send(keepalive, stack.port());
        await().atMost(WAIT).until(() -> stack.stats().retransmissionsAbsorbed() == 1);
        assertThat(device.received()).isEmpty();

        pending.get().respond(200);
        assertThat(Requests.status(device.take())).isEqualTo(200);
        device.send(keepalive, stack.port());
        assertThat(Requests.status(device.take())).isEqualTo(200);
        assertThat(pending.get().toTag()).isNotBlank();
    }

    @Test
    void provisionalResponseIsResentForRetransmissionsUntilTheFinalOne() {
        AtomicReference<ServerTransaction> pending = new AtomicReference<>();
        stack = TestStacks.started(tx -> {
            pending.set(tx);
            tx.respond(tx.request().createResponse(180, tx.toTag()));
        });
        String message = Requests.keepalive("UDP", Requests.branch(), "ka-3");
        device.send(message, stack.port());
        assertThat(Requests.status(device.take())).isEqualTo(180);
        device.send(message, stack.port());
        assertThat(Requests.status(device.take())).isEqualTo(180);
        pending.get().respond(200);
        assertThat(Requests.status(device.take())).isEqualTo(200);
        pending.get().respond(500); // after the final response: dropped
        device.send(message, stack.port());
        assertThat(Requests.status(device.take())).isEqualTo(200);
        assertThat(device.received()).hasSize(4);
    }

    @Test
    void handlerFailureAnswers500() {
        stack = TestStacks.started(tx -> {
            throw new IllegalStateException("boom");
        });
        device.send(Requests.keepalive("UDP", Requests.branch(), "ka-4"), stack.port());
        assertThat(Requests.status(device.take())).isEqualTo(500);
    }

    @Test
    void unansweredRequestIsForgottenAfterTimerF() {
        stack = TestStacks.started(tx -> { });
        device.send(Requests.keepalive("UDP", Requests.branch(), "ka-5"), stack.port());
        await().atMost(WAIT).until(() -> stack.stats().activeServerTx() == 1);
        await().atMost(WAIT).until(() -> stack.stats().activeServerTx() == 0);
    }

    @Test
    void requestWithoutMagicCookieIsMatchedTheRfc2543Way() {
        AtomicInteger calls = new AtomicInteger();
        stack = TestStacks.started(tx -> {
            calls.incrementAndGet();
            tx.respond(200);
        });
        String old = Requests.keepalive("UDP", "1a2b3c", "ka-2543");
        device.send(old, stack.port());
        device.send(old, stack.port());
        String other = Requests.keepalive("UDP", "1a2b3c", "ka-2543").replace("CSeq: 20", "CSeq: 21");
        device.send(other, stack.port());
        assertThat(List.of(device.take(), device.take(), device.take())).allMatch(r -> Requests.status(r) == 200);
        assertThat(calls).hasValue(2);
    }

    @Test
    void inviteGets100TryingThenNon2xxIsRetransmittedUntilAck() {
        AtomicReference<ServerTransaction> pending = new AtomicReference<>();
        stack = TestStacks.started(pending::set);
        String branch = Requests.branch();
        String invite = Requests.request("INVITE", "UDP", "192.168.1.64:5060", branch, "inv-1", 1, null);
        device.send(invite, stack.port());
        assertThat(Requests.status(device.take())).isEqualTo(100); // sent by the stack after 200 ms

        pending.get().respond(486);
        SipResponse busy = (SipResponse) device.takeMessage();
        assertThat(busy.status()).isEqualTo(486);
        assertThat(Requests.status(device.take())).isEqualTo(486); // Timer G
        assertThat(Requests.status(device.take())).isEqualTo(486);

        String ack = "ACK sip:" + Requests.PLATFORM + "@3402000000 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.168.1.64:5060;rport;branch=" + branch + "\r\n"
                + "From: " + busy.header("From") + "\r\nTo: " + busy.header("To") + "\r\n"
                + "Call-ID: inv-1\r\nCSeq: 1 ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        device.send(ack, stack.port());
        await().atMost(WAIT).until(() -> stack.stats().activeServerTx() == 0); // Timer I
        assertThat(stack.stats().retransmissionsSent()).isGreaterThanOrEqualTo(2);
        int copies = device.received().size();
        await().during(Duration.ofMillis(400)).atMost(WAIT).until(() -> device.received().size() == copies);
    }

    @Test
    void inviteSuccessIsRetransmittedUntilTheAckWhichReachesTheHandler() {
        List<SipRequest> requests = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> answeringAck = new AtomicReference<>();
        stack = TestStacks.started(tx -> {
            requests.add(tx.request());
            if (SipMethod.INVITE.equals(tx.request().method())) {
                tx.respond(200);
            } else {
                try {
                    tx.respond(200);
                } catch (IllegalStateException e) {
                    answeringAck.set(e);
                }
            }
        });
        String invite = Requests.request("INVITE", "UDP", "192.168.1.64:5060", Requests.branch(), "inv-2", 7, null);
        device.send(invite, stack.port());
        SipResponse ok = (SipResponse) device.takeMessage();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(Requests.status(device.take())).isEqualTo(200); // retransmitted: no ACK yet
        device.send(invite, stack.port()); // an INVITE copy is answered with the 2xx too

        String ack = "ACK sip:" + Requests.DEVICE + "@192.168.1.64:5060 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.168.1.64:5060;rport;branch=" + Requests.branch() + "\r\n"
                + "From: " + ok.header("From") + "\r\nTo: " + ok.header("To") + "\r\n"
                + "Call-ID: inv-2\r\nCSeq: 7 ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
        device.send(ack, stack.port());
        await().atMost(WAIT).until(() -> requests.size() == 2);
        assertThat(requests.get(1).method()).isEqualTo(SipMethod.ACK);
        assertThat(answeringAck.get()).isInstanceOf(IllegalStateException.class);
        long sent = stack.stats().retransmissionsSent();
        await().during(Duration.ofMillis(400)).atMost(WAIT)
                .until(() -> stack.stats().retransmissionsSent() == sent);
        await().atMost(WAIT).until(() -> stack.stats().activeServerTx() == 0); // Timer L
    }

    @Test
    void cancelGets200AndThePendingInvite487() {
        AtomicReference<ServerTransaction> pending = new AtomicReference<>();
        stack = TestStacks.started(tx -> {
            pending.set(tx);
            tx.respond(tx.request().createResponse(180, tx.toTag()));
        });
        String branch = Requests.branch();
        device.send(Requests.request("INVITE", "UDP", "192.168.1.64:5060", branch, "inv-3", 2, null), stack.port());
        assertThat(Requests.status(device.take())).isEqualTo(180);

        device.send(Requests.request("CANCEL", "UDP", "192.168.1.64:5060", branch, "inv-3", 2, null), stack.port());
        List<Integer> statuses = List.of(Requests.status(device.take()), Requests.status(device.take()));
        assertThat(statuses).containsExactlyInAnyOrder(200, 487);
        pending.get().respond(200); // too late: dropped
        assertThat(Requests.status(device.take())).isEqualTo(487); // Timer G: no ACK for the 487 yet

        device.send(Requests.request("CANCEL", "UDP", "192.168.1.64:5060", Requests.branch(), "nothing", 9, null),
                stack.port());
        await().atMost(WAIT).until(() -> device.received().stream().anyMatch(r -> r.startsWith("SIP/2.0 481")));
    }
}

package dev.gb28181.sip.transaction;

import dev.gb28181.sip.SipMethod;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.Transport;
import io.netty.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The client transactions of RFC 3261 §17.1: INVITE (§17.1.1, with the Accepted state of RFC 6026
 * §7.2) and non-INVITE (§17.1.2).
 *
 * <p>Over UDP the request is retransmitted: an INVITE with Timer A (T1, doubling) until a response
 * arrives, any other request with Timer E (T1 doubling up to T2, then every T2 once a provisional
 * response came). Over TCP nothing is retransmitted. Timer B / F end the wait; an INVITE that got a
 * provisional response waits Timer C for the final one. A non-2xx final response to an INVITE is
 * acknowledged here (§17.1.1.3) and the ACK is sent again for each retransmission of it (Timer D);
 * the ACK for a 2xx is the caller's, and the transaction sends the caller's ACK again when the 2xx is
 * retransmitted until Timer M. Timer K absorbs retransmitted final responses to other requests.
 *
 * <p>The future completes on an I/O or timer thread: chain slow work with the {@code *Async} methods.
 */
final class ClientTx {

    private static final Logger LOG = LoggerFactory.getLogger(ClientTx.class);

    private enum State { CALLING, PROCEEDING, COMPLETED, ACCEPTED, TERMINATED }

    private final TransactionLayer layer;
    private final String key;
    private final SipRequest request;
    private final Transport transport;
    private final InetSocketAddress destination;
    private final Consumer<SipResponse> provisionalListener;
    private final boolean invite;
    private final CompletableFuture<SipResponse> future = new CompletableFuture<>();

    private State state = State.CALLING;
    private long retransmitInterval;
    private Timeout retransmitTimer;
    private Timeout lifeTimer;
    private SipRequest ack;

    ClientTx(TransactionLayer layer, String key, SipRequest request, Transport transport,
            InetSocketAddress destination, Consumer<SipResponse> provisionalListener) {
        this.layer = layer;
        this.key = key;
        this.request = request;
        this.transport = transport;
        this.destination = destination;
        this.provisionalListener = provisionalListener;
        this.invite = SipMethod.INVITE.equals(request.method());
    }

    String key() {
        return key;
    }

    SipRequest request() {
        return request;
    }

    CompletableFuture<SipResponse> future() {
        return future;
    }

    void start() {
        synchronized (this) {
            long timeout = invite ? layer.timerB() : layer.timerF();
            lifeTimer = layer.schedule(t -> timeout(invite ? "Timer B" : "Timer F"), timeout);
            if (transport == Transport.UDP) {
                retransmitInterval = layer.t1();
                retransmitTimer = layer.schedule(t -> retransmit(), retransmitInterval);
            }
        }
        layer.transport().send(request, transport, destination).whenComplete((ok, error) -> {
            if (error != null) {
                abort(error);
            }
        });
    }

    /** Timer A / Timer E. */
    private void retransmit() {
        synchronized (this) {
            boolean due = state == State.CALLING || (!invite && state == State.PROCEEDING);
            if (!due) {
                return;
            }
            if (invite) {
                retransmitInterval *= 2;
            } else {
                retransmitInterval = state == State.PROCEEDING ? layer.t2()
                        : Math.min(retransmitInterval * 2, layer.t2());
            }
            retransmitTimer = layer.schedule(t -> retransmit(), retransmitInterval);
        }
        layer.transport().send(request, transport, destination);
        layer.stats().onRetransmissionSent();
    }

    private void timeout(String timer) {
        synchronized (this) {
            if (state != State.CALLING && state != State.PROCEEDING) {
                return;
            }
            terminateLocked();
        }
        layer.removeClient(this);
        layer.stats().onClientTimeout();
        future.completeExceptionally(new SipTransactionTimeoutException(request.method(), request.callId(),
                "No final response to " + request.method() + ' ' + request.callId() + " from " + transport + ':'
                        + destination + " (" + timer + ')'));
    }

    /** Ends the transaction with an error: the transport failed, or the stack is stopping. */
    void abort(Throwable error) {
        synchronized (this) {
            if (state == State.TERMINATED) {
                return;
            }
            terminateLocked();
        }
        layer.removeClient(this);
        future.completeExceptionally(error);
    }

    void onResponse(SipResponse response) {
        boolean deliver;
        boolean complete = false;
        synchronized (this) {
            if (response.isProvisional()) {
                deliver = state == State.CALLING || state == State.PROCEEDING;
                if (state == State.CALLING) {
                    state = State.PROCEEDING;
                    if (invite) {
                        cancelTimers(); // no more Timer A; Timer C replaces Timer B
                        lifeTimer = layer.schedule(t -> timeout("Timer C"), layer.timerC());
                    }
                }
            } else {
                deliver = false;
                switch (state) {
                    case CALLING, PROCEEDING -> {
                        complete = true;
                        cancelTimers();
                        onFinal(response);
                    }
                    case COMPLETED, ACCEPTED -> onFinalRetransmission(response);
                    default -> {
                        // terminated concurrently: nothing left to do
                    }
                }
            }
        }
        if (deliver && provisionalListener != null) {
            try {
                provisionalListener.accept(response);
            } catch (RuntimeException e) {
                LOG.warn("Provisional response listener of {} {} failed", request.method(), request.callId(), e);
            }
        }
        if (complete) {
            future.complete(response);
        }
    }

    private void onFinal(SipResponse response) {
        boolean reliable = transport != Transport.UDP;
        if (!invite) {
            state = State.COMPLETED;
            scheduleTermination(reliable ? 0 : layer.t4()); // Timer K
        } else if (response.isSuccess()) {
            state = State.ACCEPTED;
            layer.indexAccepted(this);
            scheduleTermination(64 * layer.t1()); // Timer M
        } else {
            state = State.COMPLETED;
            ack = TransactionLayer.ackFor(request, response);
            layer.transport().send(ack, transport, destination);
            scheduleTermination(reliable ? 0 : 64 * layer.t1()); // Timer D
        }
    }

    private void onFinalRetransmission(SipResponse response) {
        layer.stats().onRetransmissionAbsorbed();
        if (ack != null && (state == State.COMPLETED || response.isSuccess())) {
            layer.transport().send(ack, transport, destination);
            layer.stats().onRetransmissionSent();
        }
    }

    /** The caller's ACK for our 2xx, sent again if the 2xx is retransmitted. */
    synchronized void rememberAck(SipRequest callerAck) {
        if (state == State.ACCEPTED) {
            ack = callerAck;
        }
    }

    private void scheduleTermination(long delay) {
        if (delay == 0) {
            terminateLocked();
            layer.removeClient(this);
        } else {
            lifeTimer = layer.schedule(t -> terminate(), delay);
        }
    }

    private void terminate() {
        synchronized (this) {
            if (state == State.TERMINATED) {
                return;
            }
            terminateLocked();
        }
        layer.removeClient(this);
    }

    private void terminateLocked() {
        if (state == State.ACCEPTED) {
            layer.unindexAccepted(this);
        }
        state = State.TERMINATED;
        cancelTimers();
    }

    private void cancelTimers() {
        retransmitTimer = TransactionLayer.cancel(retransmitTimer);
        lifeTimer = TransactionLayer.cancel(lifeTimer);
    }

    @Override
    public String toString() {
        return "ClientTx[" + request.method() + ' ' + request.callId() + ' ' + state + ']';
    }
}

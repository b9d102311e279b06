package dev.gb28181.sip.transaction;

import dev.gb28181.sip.SipMethod;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.Transport;
import dev.gb28181.sip.codec.SipEncoder;
import dev.gb28181.sip.transport.Flow;
import io.netty.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server transactions of RFC 3261 §17.2: INVITE (§17.2.1, with the Accepted state of RFC 6026
 * §7.1) and non-INVITE (§17.2.2). Every method is safe to call from any thread; the state lives
 * under the object's monitor, sends are asynchronous and never block.
 *
 * <p>Retransmissions of the request are answered with the last response sent, or absorbed while
 * there is none. Over UDP an INVITE's final response is retransmitted (Timer G, T1 doubling up to
 * T2) until its ACK arrives: the non-2xx by the transaction as §17.2.1 says, the 2xx as the UA core
 * of §13.3.1.4 would. Timer H / L (64*T1) end the wait for an ACK, Timer I (T4) absorbs ACK
 * retransmissions, Timer J (64*T1 on UDP, 0 on TCP) absorbs request retransmissions after the
 * final response. A transaction whose handler never answers ends after Timer F (non-INVITE) or
 * Timer C (INVITE), when the client has given up.
 */
final class ServerTx extends AbstractServerTransaction implements ServerEntry {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTx.class);

    private enum State { TRYING, PROCEEDING, COMPLETED, ACCEPTED, CONFIRMED, TERMINATED }

    private final TransactionLayer layer;
    private final String key;
    private final String toTag;
    private final boolean invite;
    private final boolean reliable;

    private State state;
    private SipResponse lastResponse;
    private long retransmitInterval;
    private boolean acked;
    private Timeout retransmitTimer;
    private Timeout lifeTimer;

    ServerTx(TransactionLayer layer, String key, SipRequest request, Flow flow, String toTag) {
        super(request, flow);
        this.layer = layer;
        this.key = key;
        this.toTag = toTag;
        this.invite = SipMethod.INVITE.equals(request.method());
        this.reliable = flow.transport() != Transport.UDP;
        this.state = invite ? State.PROCEEDING : State.TRYING;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String toTag() {
        return toTag;
    }

    /** Arms the 100 Trying timer of an INVITE and the guard that ends an unanswered transaction. */
    synchronized void start() {
        if (invite) {
            retransmitTimer = layer.schedule(t -> sendTryingIfSilent(), TransactionLayer.TRYING_DELAY_MILLIS);
            lifeTimer = layer.schedule(t -> expireUnanswered(), layer.timerC());
        } else {
            lifeTimer = layer.schedule(t -> expireUnanswered(), layer.timerF());
        }
    }

    @Override
    public void respond(int status) {
        respond(request.createResponse(status, toTag));
    }

    @Override
    public void respond(SipResponse response) {
        synchronized (this) {
            switch (state) {
                case TRYING, PROCEEDING -> {
                    lastResponse = response;
                    if (response.isProvisional()) {
                        state = State.PROCEEDING;
                        send(response);
                    } else {
                        cancelTimers();
                        onFinal(response);
                    }
                }
                case ACCEPTED -> {
                    if (response.isSuccess()) {
                        send(response); // RFC 6026 §7.1: further 2xx from the TU pass through
                    } else {
                        LOG.debug("Dropped a {} for {} {}: a 2xx was already sent", response.status(),
                                request.method(), request.callId());
                    }
                }
                default -> LOG.debug("Dropped a {} for {} {}: the transaction has ended ({})", response.status(),
                        request.method(), request.callId(), state);
            }
        }
    }

    /** Sends {@code status} unless a final response was sent already (handler failure, CANCEL). */
    void respondIfPending(int status) {
        synchronized (this) {
            if (state != State.TRYING && state != State.PROCEEDING) {
                return;
            }
            respond(status);
        }
    }

    /** Sends the final response and moves to Completed, Accepted (RFC 6026) or Terminated. */
    private void onFinal(SipResponse response) {
        if (!invite) {
            state = State.COMPLETED;
            if (reliable) { // Timer J is 0 on TCP
                terminate();
                send(response);
            } else {
                byte[] encoded;
                try {
                    encoded = SipEncoder.encode(response);
                } catch (RuntimeException e) {
                    terminate(); // the caller's response cannot be written: nothing left to wait for
                    throw e;
                }
                layer.transport().send(encoded, request.method(), response.status(), flow);
                layer.complete(this, encoded, response.status(), flow);
            }
            return;
        }
        send(response);
        if (response.isSuccess()) {
            state = State.ACCEPTED;
            layer.indexAccepted(this);
        } else {
            state = State.COMPLETED;
        }
        if (!reliable) {
            retransmitInterval = layer.t1();
            retransmitTimer = layer.schedule(t -> retransmitFinal(), retransmitInterval);
        }
        lifeTimer = layer.schedule(t -> expireWithoutAck(), 64 * layer.t1()); // Timer H / Timer L
    }

    private Timeout scheduleTermination(long delay) {
        if (delay == 0) {
            terminate();
            return null;
        }
        return layer.schedule(t -> terminate(), delay);
    }

    private synchronized void sendTryingIfSilent() {
        if (state == State.PROCEEDING && lastResponse == null) {
            lastResponse = request.createResponse(100, null);
            send(lastResponse);
        }
    }

    /** Timer G: retransmits the final response of an INVITE over UDP until the ACK comes. */
    private synchronized void retransmitFinal() {
        if (acked || (state != State.COMPLETED && state != State.ACCEPTED)) {
            return;
        }
        send(lastResponse);
        layer.stats().onRetransmissionSent();
        retransmitInterval = Math.min(retransmitInterval * 2, layer.t2());
        retransmitTimer = layer.schedule(t -> retransmitFinal(), retransmitInterval);
    }

    /** Timer H (non-2xx) or Timer L (2xx): the end of the wait for the ACK and for INVITE copies. */
    private synchronized void expireWithoutAck() {
        if (state == State.COMPLETED || state == State.ACCEPTED) {
            if (!acked) {
                LOG.info("No ACK for the {} to INVITE {} from {}", lastResponse.status(), request.callId(), flow);
            }
            terminate();
        }
    }

    private synchronized void expireUnanswered() {
        if (state == State.TRYING || state == State.PROCEEDING) {
            LOG.debug("{} {} from {} got no final response from the handler in time; transaction dropped",
                    request.method(), request.callId(), flow);
            terminate();
        }
    }

    /** A retransmission of the request: answered with the last response, absorbed when there is none. */
    @Override
    public void onRetransmission() {
        layer.stats().onRetransmissionAbsorbed();
        synchronized (this) {
            if (lastResponse != null && state != State.CONFIRMED && state != State.TERMINATED) {
                send(lastResponse);
                layer.stats().onRetransmissionSent();
            }
        }
    }

    /**
     * An ACK with this INVITE's branch: confirms a non-2xx final response (Timer I). Returns false
     * when it is not for a non-2xx (then the caller treats it as the ACK for a 2xx).
     */
    boolean onAckForNonSuccess() {
        synchronized (this) {
            switch (state) {
                case COMPLETED -> {
                    state = State.CONFIRMED;
                    cancelTimers();
                    lifeTimer = scheduleTermination(reliable ? 0 : layer.t4()); // Timer I
                    return true;
                }
                case CONFIRMED -> {
                    layer.stats().onRetransmissionAbsorbed();
                    return true;
                }
                case ACCEPTED -> {
                    return false;
                }
                default -> {
                    LOG.debug("Ignored an ACK for INVITE {} before its final response", request.callId());
                    return true;
                }
            }
        }
    }

    /** The ACK for our 2xx arrived: stop retransmitting it and wait out Timer L for INVITE copies. */
    synchronized void onAckForSuccess() {
        if (state == State.ACCEPTED && !acked) {
            acked = true;
            layer.unindexAccepted(this);
            retransmitTimer = TransactionLayer.cancel(retransmitTimer);
        }
    }

    @Override
    public void terminate() {
        synchronized (this) {
            if (state == State.TERMINATED) {
                return;
            }
            if (state == State.ACCEPTED) {
                layer.unindexAccepted(this);
            }
            state = State.TERMINATED;
            cancelTimers();
        }
        layer.removeServer(this);
    }

    private void cancelTimers() {
        retransmitTimer = TransactionLayer.cancel(retransmitTimer);
        lifeTimer = TransactionLayer.cancel(lifeTimer);
    }

    private void send(SipResponse response) {
        layer.transport().send(response, flow);
    }

    @Override
    public String toString() {
        return "ServerTx[" + request.method() + ' ' + request.callId() + ' ' + state + ']';
    }
}

package dev.gb28181.sip.transaction;

import dev.gb28181.sip.CSeq;
import dev.gb28181.sip.HeaderNames;
import dev.gb28181.sip.SipMethod;
import dev.gb28181.sip.SipRequest;
import dev.gb28181.sip.SipResponse;
import dev.gb28181.sip.SipStackConfig;
import dev.gb28181.sip.SipStackStats;
import dev.gb28181.sip.Transport;
import dev.gb28181.sip.Via;
import dev.gb28181.sip.transport.Flow;
import dev.gb28181.sip.transport.InboundListener;
import dev.gb28181.sip.transport.LogLimiter;
import dev.gb28181.sip.transport.TransportLayer;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The transaction layer of RFC 3261 §17: matches every message to its client or server
 * transaction, runs the retransmission and timeout timers of all transactions on one
 * {@link HashedWheelTimer}, and passes each new request up once.
 *
 * <p>Matching follows §17.1.3 for responses (top Via branch and CSeq method) and §17.2.3 for
 * requests (branch, sent-by and method, with ACK matching its INVITE; branches without the
 * {@code z9hG4bK} cookie fall back to the RFC 2543 rule: Call-ID, CSeq, From tag and top Via).
 * The ACK for a 2xx carries a new branch and is matched by Call-ID and CSeq number instead
 * (RFC 6026 §7.1). A CANCEL is answered here (RFC 3261 §9.2): 200 and 487 for the INVITE when it
 * is still pending, 481 when no INVITE matches. Transactions leave every map when they terminate,
 * so memory follows the load, not the uptime.
 */
public final class TransactionLayer implements InboundListener {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionLayer.class);

    /** RFC 3261 §17.2.1: send 100 Trying when the TU has not answered an INVITE within 200 ms. */
    static final long TRYING_DELAY_MILLIS = 200;

    private final SipStackStats stats;
    private final TransportLayer transport;
    private final SipRequestHandler handler;
    private final Supplier<String> tags;
    private final LogLimiter strayLog = new LogLimiter(LOG, 10, TimeUnit.SECONDS);
    private final LogLimiter handlerLog = new LogLimiter(LOG, 10, TimeUnit.SECONDS);

    private final ConcurrentHashMap<String, ServerEntry> servers = new ConcurrentHashMap<>();
    /** INVITE server transactions that sent a 2xx, by Call-ID and CSeq number, waiting for the ACK. */
    private final ConcurrentHashMap<String, ServerTx> acceptedServers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ClientTx> clients = new ConcurrentHashMap<>();
    /** INVITE client transactions that got a 2xx, by Call-ID and CSeq number, to resend the caller's ACK. */
    private final ConcurrentHashMap<String, ClientTx> acceptedClients = new ConcurrentHashMap<>();

    private final long t1;
    private final long t2;
    private final long t4;
    private final long timerB;
    private final long timerC;
    private final long timerF;
    private volatile HashedWheelTimer timer;
    private volatile boolean stopped;

    public TransactionLayer(SipStackConfig config, SipStackStats stats, TransportLayer transport,
            SipRequestHandler handler, Supplier<String> tags) {
        this.stats = stats;
        this.transport = transport;
        this.handler = handler;
        this.tags = tags;
        this.t1 = config.t1().toMillis();
        this.t2 = config.t2().toMillis();
        this.t4 = config.t4().toMillis();
        this.timerB = config.timerB().toMillis();
        this.timerC = config.timerC().toMillis();
        this.timerF = config.timerF().toMillis();
    }

    /** Starts the timer wheel; its tick is a fraction of T1 so short test timings stay accurate. */
    public void start() {
        long tick = Math.max(5, Math.min(50, t1 / 5));
        HashedWheelTimer wheel = new HashedWheelTimer(new DefaultThreadFactory("gb28181-sip-timer", true), tick,
                TimeUnit.MILLISECONDS, 512);
        wheel.start();
        timer = wheel;
    }

    /** Fails every pending client transaction, forgets every server transaction and stops the timer. */
    public void stop() {
        stopped = true;
        IllegalStateException stoppedError = new IllegalStateException("SIP stack stopped");
        for (ClientTx tx : new ArrayList<>(clients.values())) {
            tx.abort(stoppedError);
        }
        for (ServerEntry tx : new ArrayList<>(servers.values())) {
            tx.terminate();
        }
        HashedWheelTimer wheel = timer;
        if (wheel != null) {
            timer = null;
            try {
                wheel.stop();
            } catch (IllegalStateException e) {
                LOG.warn("SIP timer stopped from its own thread; it ends after its current task", e);
            }
        }
    }

    // ---- client side --------------------------------------------------------------------------

    /**
     * Starts a client transaction for a request whose top Via carries this stack's branch. The future
     * completes with the final response, or fails with {@link SipTransactionTimeoutException}, the
     * transport error, or {@link IllegalStateException} when the stack stops first.
     */
    public CompletableFuture<SipResponse> sendRequest(SipRequest request, Transport transportKind,
            InetSocketAddress destination, Consumer<SipResponse> provisionalListener) {
        if (stopped || timer == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("SIP stack is not running"));
        }
        String key = clientKey(request.topVia().branch(), request.method());
        ClientTx tx = new ClientTx(this, key, request, transportKind, destination, provisionalListener);
        if (clients.putIfAbsent(key, tx) != null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "A client transaction with branch " + request.topVia().branch() + " is already running"));
        }
        stats.onClientTx(1);
        tx.start();
        return tx.future();
    }

    /**
     * Notes the ACK a caller sent for a 2xx (RFC 3261 §13.2.2.4), so the INVITE client transaction
     * can send it again when the 2xx is retransmitted.
     */
    public void onAckSent(SipRequest ack) {
        ClientTx tx = acceptedClients.get(dialogKey(ack.callId(), ack.cseq()));
        if (tx != null) {
            tx.rememberAck(ack);
        }
    }

    @Override
    public void onResponse(SipResponse response, Flow flow) {
        String branch = response.topVia().branch();
        ClientTx tx = branch == null ? null : clients.get(clientKey(branch, response.cseq().method()));
        if (tx == null) {
            stats.onStrayResponse();
            strayLog.warn("Dropped a {} response from {} that matches no transaction (branch {}, CSeq {})",
                    response.status(), flow, branch, response.cseq());
            return;
        }
        tx.onResponse(response);
    }

    // ---- server side --------------------------------------------------------------------------

    @Override
    public void onRequest(SipRequest request, Flow flow) {
        String method = request.method();
        if (SipMethod.ACK.equals(method)) {
            onAck(request, flow);
            return;
        }
        String key = serverKey(request, method);
        ServerEntry existing = servers.get(key);
        if (existing != null) {
            existing.onRetransmission();
            return;
        }
        markReceived(request, flow);
        ServerTx tx = new ServerTx(this, key, request, flow, tags.get());
        existing = servers.putIfAbsent(key, tx);
        if (existing != null) {
            existing.onRetransmission();
            return;
        }
        stats.onServerTx(1);
        tx.start();
        if (SipMethod.CANCEL.equals(method)) {
            onCancel(tx);
            return;
        }
        try {
            handler.onRequest(tx);
        } catch (RuntimeException | Error e) {
            handlerLog.warn("The request handler failed on {} from {}: {}", method, flow, e.toString());
            LOG.debug("Request handler failure", e);
            tx.respondIfPending(500);
        }
    }

    private void onAck(SipRequest ack, Flow flow) {
        if (servers.get(serverKey(ack, SipMethod.INVITE)) instanceof ServerTx invite && invite.onAckForNonSuccess()) {
            return;
        }
        ServerTx accepted = acceptedServers.get(dialogKey(ack.callId(), ack.cseq()));
        if (accepted != null) {
            accepted.onAckForSuccess();
        }
        markReceived(ack, flow);
        try {
            handler.onRequest(new AckTransaction(ack, flow));
        } catch (RuntimeException | Error e) {
            handlerLog.warn("The request handler failed on ACK from {}: {}", flow, e.toString());
            LOG.debug("Request handler failure", e);
        }
    }

    /** RFC 3261 §9.2: the CANCEL gets 200 and the pending INVITE 487, or 481 without one. */
    private void onCancel(ServerTx cancel) {
        if (!(servers.get(serverKey(cancel.request(), SipMethod.INVITE)) instanceof ServerTx invite)) {
            cancel.respond(481);
            return;
        }
        cancel.respond(200);
        invite.respondIfPending(487);
    }

    /**
     * RFC 3261 §18.2.1 and RFC 3581 §4: writes {@code received} and {@code rport} into the top Via
     * so every response built from the request carries where it really came from.
     */
    private static void markReceived(SipRequest request, Flow flow) {
        Via top = request.topVia();
        InetSocketAddress source = flow.remote();
        Via marked = top.withReceived(source.getAddress().getHostAddress(), source.getPort());
        if (!marked.equals(top)) {
            request.setTopVia(marked);
        }
    }

    // ---- keys ---------------------------------------------------------------------------------

    static String clientKey(String branch, String method) {
        return branch + '|' + method;
    }

    /** RFC 3261 §17.2.3, with the RFC 2543 fallback for branches without the magic cookie. */
    static String serverKey(SipRequest request, String method) {
        Via via = request.topVia();
        String branch = via.branch();
        String sentBy = via.host().toLowerCase(Locale.ROOT) + ':' + via.port();
        if (branch != null && branch.startsWith(Via.BRANCH_MAGIC_COOKIE)) {
            return branch + '|' + sentBy + '|' + method;
        }
        CSeq cseq = request.cseq();
        return "2543|" + request.callId() + '|' + cseq.seq() + '|' + method + '|' + request.from().tag() + '|'
                + sentBy + '|' + branch;
    }

    static String dialogKey(String callId, CSeq cseq) {
        return callId + '|' + cseq.seq();
    }

    // ---- services for the transactions --------------------------------------------------------

    Timeout schedule(TimerTask task, long delayMillis) {
        HashedWheelTimer wheel = timer;
        if (wheel == null) {
            return null;
        }
        try {
            return wheel.newTimeout(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (IllegalStateException e) {
            return null; // the timer stopped concurrently: the stack is closing
        }
    }

    /** Cancels {@code timeout} when there is one; returns {@code null}, for the field that held it. */
    static Timeout cancel(Timeout timeout) {
        if (timeout != null) {
            timeout.cancel();
        }
        return null;
    }

    TransportLayer transport() {
        return transport;
    }

    SipStackStats stats() {
        return stats;
    }

    long t1() {
        return t1;
    }

    long t2() {
        return t2;
    }

    long t4() {
        return t4;
    }

    long timerB() {
        return timerB;
    }

    long timerC() {
        return timerC;
    }

    long timerF() {
        return timerF;
    }

    void removeServer(ServerEntry tx) {
        if (servers.remove(tx.key(), tx)) {
            stats.onServerTx(-1);
        }
    }

    /** A non-INVITE transaction over UDP sent its final response: only its echo stays for Timer J. */
    void complete(ServerTx tx, byte[] finalResponse, int status, Flow flow) {
        CompletedServerTx completed = new CompletedServerTx(this, tx.key(), tx.request().method(), finalResponse,
                status, flow);
        if (servers.replace(tx.key(), tx, completed)) {
            completed.start();
        }
    }

    void indexAccepted(ServerTx tx) {
        acceptedServers.put(dialogKey(tx.request().callId(), tx.request().cseq()), tx);
    }

    void unindexAccepted(ServerTx tx) {
        acceptedServers.remove(dialogKey(tx.request().callId(), tx.request().cseq()), tx);
    }

    void removeClient(ClientTx tx) {
        if (clients.remove(tx.key(), tx)) {
            stats.onClientTx(-1);
        }
    }

    void indexAccepted(ClientTx tx) {
        acceptedClients.put(dialogKey(tx.request().callId(), tx.request().cseq()), tx);
    }

    void unindexAccepted(ClientTx tx) {
        acceptedClients.remove(dialogKey(tx.request().callId(), tx.request().cseq()), tx);
    }

    /** The ACK of RFC 3261 §17.1.1.3 for a non-2xx final response to {@code invite}. */
    static SipRequest ackFor(SipRequest invite, SipResponse response) {
        SipRequest ack = new SipRequest(SipMethod.ACK, invite.requestUri());
        ack.addHeader(HeaderNames.VIA, invite.header(HeaderNames.VIA));
        ack.addHeader(HeaderNames.MAX_FORWARDS, "70");
        ack.addHeader(HeaderNames.FROM, invite.header(HeaderNames.FROM));
        ack.addHeader(HeaderNames.TO, response.header(HeaderNames.TO));
        ack.addHeader(HeaderNames.CALL_ID, invite.callId());
        ack.addHeader(HeaderNames.CSEQ, invite.cseq().seq() + " " + SipMethod.ACK);
        ack.copyHeaders(invite, HeaderNames.ROUTE);
        return ack;
    }
}

package dev.gb28181.sip;

import dev.gb28181.sip.transaction.SipRequestHandler;
import dev.gb28181.sip.transaction.SipTransactionTimeoutException;
import dev.gb28181.sip.transaction.TransactionLayer;
import dev.gb28181.sip.transport.LogLimiter;
import dev.gb28181.sip.transport.TransportLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A SIP user agent's transport and transaction layers (RFC 3261 §17, §18) on one host and port, UDP
 * and TCP, with Netty; what GB/T 28181-2016 §4.3 asks of a SIP server's signalling transport.
 *
 * <p>Every new request goes to the {@link SipRequestHandler} once, on an I/O thread, wrapped in a
 * {@link dev.gb28181.sip.transaction.ServerTransaction} that answers retransmissions itself.
 * Requests sent with {@link #sendRequest} run in client transactions that retransmit over UDP and
 * complete their future with the final response (or {@link SipTransactionTimeoutException}).
 * Nothing here blocks: TCP connections to devices are reused or opened asynchronously.
 *
 * <p>Life cycle: {@link #start()} once, then {@link #stop()} / {@link #close()} (idempotent); a
 * stopped stack does not start again.
 */
public final class SipStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipStack.class);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private enum State { NEW, RUNNING, STOPPED }

    private final SipStackConfig config;
    private final SipStackStats stats;
    private final TransportLayer transport;
    private final TransactionLayer transactions;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final LogLimiter statelessLog = new LogLimiter(LOG, 10, TimeUnit.SECONDS);

    /**
     * @throws IllegalArgumentException when the config is invalid ({@link SipStackConfig#validate()})
     */
    public SipStack(SipStackConfig config, SipRequestHandler handler) {
        this(config, handler, new SipStackStats());
    }

    /**
     * A stack that counts into {@code stats}: counters that outlive it (a platform's, kept across restarts).
     *
     * @throws IllegalArgumentException when the config is invalid ({@link SipStackConfig#validate()})
     */
    public SipStack(SipStackConfig config, SipRequestHandler handler, SipStackStats stats) {
        this.config = Objects.requireNonNull(config, "config").validate();
        Objects.requireNonNull(handler, "handler");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.transport = new TransportLayer(config, stats, this::newTag);
        this.transactions = new TransactionLayer(config, stats, transport, handler, this::newTag);
    }

    /**
     * Binds UDP and/or TCP on the configured host and port (one port number for both) and starts the
     * timers; returns when the sockets are bound.
     *
     * @throws IllegalStateException when binding fails (the cause says why) or the stack was started before
     */
    public void start() {
        if (!state.compareAndSet(State.NEW, State.RUNNING)) {
            throw new IllegalStateException("The SIP stack was already started (" + state.get() + ')');
        }
        transactions.start();
        try {
            transport.start(transactions);
        } catch (RuntimeException e) {
            state.set(State.STOPPED);
            transactions.stop();
            throw e;
        }
    }

    /** Fails pending client transactions, closes every socket and releases the threads. Idempotent. */
    public void stop() {
        if (state.getAndSet(State.STOPPED) == State.RUNNING) {
            transactions.stop();
            transport.stop();
            LOG.info("SIP stack on port {} stopped", transport.port());
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** True while running with every configured transport listening. */
    public boolean isBound() {
        return state.get() == State.RUNNING && transport.isBound();
    }

    /** The port UDP and TCP listen on; the chosen one when the config says 0. */
    public int port() {
        return transport.port();
    }

    public SipStackConfig config() {
        return config;
    }

    public SipStackStats stats() {
        return stats;
    }

    // ---- sending ------------------------------------------------------------------------------

    /** {@link #sendRequest(SipRequest, Transport, InetSocketAddress, Consumer)} without a provisional listener. */
    public CompletableFuture<SipResponse> sendRequest(SipRequest request, Transport transport,
            InetSocketAddress destination) {
        return sendRequest(request, transport, destination, null);
    }

    /**
     * Sends a request in a new client transaction (RFC 3261 §17.1). A top Via with a new branch is
     * added when the request has none (the Via of a CANCEL must be its INVITE's), Max-Forwards 70 and
     * the configured User-Agent when missing; the request object is changed accordingly, so build a
     * new one for each transaction (a retry after 401 needs a new branch and CSeq anyway). Provisional responses go to {@code provisionalListener}
     * (may be {@code null}) on an I/O thread; the future completes with the final response (on an I/O
     * or timer thread: chain slow work with the {@code *Async} methods), or fails with
     * {@link SipTransactionTimeoutException}, the connect or send error, or
     * {@link IllegalStateException} when the stack stops first. An ACK for a 2xx is not a
     * transaction: send it with {@link #sendStateless}.
     */
    public CompletableFuture<SipResponse> sendRequest(SipRequest request, Transport transport,
            InetSocketAddress destination, Consumer<SipResponse> provisionalListener) {
        try {
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(destination, "destination");
            if (SipMethod.ACK.equals(request.method())) {
                throw new IllegalArgumentException("ACK is sent with sendStateless (RFC 3261 §17.1.1.3)");
            }
            requireRunning();
            prepare(request, transport, destination);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return transactions.sendRequest(request, transport, destination, provisionalListener);
    }

    /**
     * Sends a message outside any transaction: the ACK for a 2xx (RFC 3261 §13.2.2.4; it is sent again
     * if the 2xx is retransmitted) or a response to a request no transaction holds. Requests get
     * Via, Max-Forwards and User-Agent as in {@link #sendRequest}. Failures are logged, not thrown.
     *
     * @throws IllegalArgumentException when the message lacks what a request needs
     * @throws IllegalStateException    when the stack is not running
     */
    public void sendStateless(SipMessage message, Transport transport, InetSocketAddress destination) {
        requireRunning();
        if (message instanceof SipRequest request) {
            prepare(request, transport, destination);
            if (SipMethod.ACK.equals(request.method())) {
                transactions.onAckSent(request);
            }
        }
        this.transport.send(message, transport, destination).whenComplete((ok, error) -> {
            if (error != null) {
                statelessLog.warn("Could not send {} to {}:{}: {}", describe(message), transport, destination,
                        error.toString());
            }
        });
    }

    private static String describe(SipMessage message) {
        return message instanceof SipRequest r ? r.method() : String.valueOf(((SipResponse) message).status());
    }

    private void requireRunning() {
        if (state.get() != State.RUNNING) {
            throw new IllegalStateException("The SIP stack is not running (" + state.get() + ')');
        }
    }

    /** Adds what RFC 3261 §8.1.1 requires of a request and checks the rest. */
    private void prepare(SipRequest request, Transport transport, InetSocketAddress destination) {
        for (String name : new String[] {HeaderNames.CALL_ID, HeaderNames.CSEQ, HeaderNames.FROM, HeaderNames.TO}) {
            if (!request.hasHeader(name)) {
                throw new IllegalArgumentException(request.method() + " without " + name);
            }
        }
        if (!request.cseq().method().equals(request.method())) {
            throw new IllegalArgumentException("CSeq method " + request.cseq().method() + " on a " + request.method());
        }
        if (!request.hasHeader(HeaderNames.VIA)) {
            request.addHeaderFirst(HeaderNames.VIA, localVia(transport, newBranch(), destination).toString());
        } else if (request.topVia().branch() == null) {
            throw new IllegalArgumentException("Top Via without branch: " + request.topVia());
        }
        if (!request.hasHeader(HeaderNames.MAX_FORWARDS)) {
            request.addHeader(HeaderNames.MAX_FORWARDS, "70");
        }
        String userAgent = config.userAgent();
        if (userAgent != null && !userAgent.isBlank() && !request.hasHeader(HeaderNames.USER_AGENT)) {
            request.addHeader(HeaderNames.USER_AGENT, userAgent);
        }
    }

    // ---- identifiers and Via ------------------------------------------------------------------

    /** A new branch: the RFC 3261 §8.1.1.7 magic cookie and 96 random bits. */
    public String newBranch() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder(Via.BRANCH_MAGIC_COOKIE.length() + 24).append(Via.BRANCH_MAGIC_COOKIE);
        appendHex(sb, r.nextLong(), 16);
        appendHex(sb, r.nextInt(), 8);
        return sb.toString();
    }

    /** A new From/To tag: 64 random bits (RFC 3261 §19.3 asks for at least 32). */
    public String newTag() {
        StringBuilder sb = new StringBuilder(16);
        appendHex(sb, ThreadLocalRandom.current().nextLong(), 16);
        return sb.toString();
    }

    /** A new Call-ID: 128 random bits (RFC 3261 §8.1.1.4). */
    public String newCallId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        StringBuilder sb = new StringBuilder(32);
        appendHex(sb, r.nextLong(), 16);
        appendHex(sb, r.nextLong(), 16);
        return sb.toString();
    }

    private static void appendHex(StringBuilder sb, long value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            sb.append(HEX[(int) (value >>> shift) & 0xF]);
        }
    }

    /**
     * The Via for this stack's requests: the advertised host (else the bind address, else the local
     * address of the default route), the listening port, {@code rport} (RFC 3581) and {@code branch}.
     */
    public Via localVia(Transport transport, String branch) {
        return localVia(transport, branch, null);
    }

    /**
     * {@link #localVia(Transport, String)} for a request to {@code destination}: bound to a wildcard
     * address without an advertised host, the host is the local address of the route to it.
     */
    public Via localVia(Transport transport, String branch, InetSocketAddress destination) {
        return Via.of(transport.name(), this.transport.localHost(destination), port(), branch);
    }
}

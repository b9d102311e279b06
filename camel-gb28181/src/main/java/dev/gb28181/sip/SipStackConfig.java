package dev.gb28181.sip;

import dev.gb28181.sip.transport.SipTrace;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of one {@link SipStack}: where it listens, what it writes into Via, and the RFC 3261
 * §17 timer values (Table 4 of RFC 3261 §A gives the defaults). Fluent setters; {@link #validate()}
 * checks ranges and is called by the stack when it starts.
 *
 * <p>Timers B (INVITE client timeout) and F (non-INVITE client timeout) default to {@code 64*T1} as
 * RFC 3261 §17.1.1.2 and §17.1.2.2 specify; the other {@code 64*T1} timers (D, H, J, L, M) always
 * follow T1. Timer C (RFC 3261 §16.6, 3 minutes) bounds how long an INVITE transaction waits for
 * a final response after a provisional one, on both sides, so nothing lives forever.
 */
public final class SipStackConfig {

    private String host = "0.0.0.0";
    private int port = 5060;
    private Set<Transport> transports = EnumSet.of(Transport.UDP, Transport.TCP);
    private String advertisedHost;
    private int maxMessageSize = 64 * 1024;
    private Duration t1 = Duration.ofMillis(500);
    private Duration t2 = Duration.ofSeconds(4);
    private Duration t4 = Duration.ofSeconds(5);
    private Duration timerB;
    private Duration timerF;
    private Duration timerC = Duration.ofMinutes(3);
    private Duration connectTimeout = Duration.ofSeconds(3);
    private int ioThreads;
    private String userAgent;
    private Duration tcpIdleTimeout = Duration.ofMinutes(10);
    private SipTrace trace = new SipTrace();

    /** Rejects values the stack cannot work with; returns this config. */
    public SipStackConfig validate() {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (transports == null || transports.isEmpty()) {
            throw new IllegalArgumentException("at least one transport (udp, tcp) is required");
        }
        if (maxMessageSize < 1024 || maxMessageSize > 65536) {
            throw new IllegalArgumentException("maxMessageSize must be within 1024..65536: " + maxMessageSize);
        }
        requirePositive(t1, "t1");
        requirePositive(t2, "t2");
        requirePositive(t4, "t4");
        requirePositive(timerB(), "timerB");
        requirePositive(timerF(), "timerF");
        requirePositive(timerC, "timerC");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(tcpIdleTimeout, "tcpIdleTimeout");
        if (t2.compareTo(t1) < 0) {
            throw new IllegalArgumentException("t2 must not be below t1");
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must not be negative: " + ioThreads);
        }
        return this;
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /** The host written into Via: the advertised one, else the bind address ({@code null} for a wildcard bind). */
    public String viaHost() {
        if (advertisedHost != null && !advertisedHost.isBlank()) {
            return advertisedHost;
        }
        return isWildcard(host) ? null : host;
    }

    static boolean isWildcard(String host) {
        return host.isEmpty() || "0.0.0.0".equals(host) || "::".equals(host) || "[::]".equals(host);
    }

    public String host() {
        return host;
    }

    /** The bind address; {@code 0.0.0.0} listens on every interface. */
    public SipStackConfig host(String host) {
        this.host = host;
        return this;
    }

    public int port() {
        return port;
    }

    /** The port for UDP and TCP; 0 picks a free one, the same number for both transports. */
    public SipStackConfig port(int port) {
        this.port = port;
        return this;
    }

    public Set<Transport> transports() {
        return transports;
    }

    public SipStackConfig transports(Set<Transport> transports) {
        this.transports = transports.isEmpty() ? EnumSet.noneOf(Transport.class) : EnumSet.copyOf(transports);
        return this;
    }

    public String advertisedHost() {
        return advertisedHost;
    }

    /** The address written into Via when it differs from the bind address (NAT, containers). */
    public SipStackConfig advertisedHost(String advertisedHost) {
        this.advertisedHost = advertisedHost;
        return this;
    }

    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** The largest message accepted, in bytes (at most 64 KiB); larger ones are refused. */
    public SipStackConfig maxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
        return this;
    }

    public Duration t1() {
        return t1;
    }

    /** RTT estimate, RFC 3261 §17.1.1.1 (500 ms). */
    public SipStackConfig t1(Duration t1) {
        this.t1 = t1;
        return this;
    }

    public Duration t2() {
        return t2;
    }

    /** Maximum retransmission interval for non-INVITE requests and INVITE responses (4 s). */
    public SipStackConfig t2(Duration t2) {
        this.t2 = t2;
        return this;
    }

    public Duration t4() {
        return t4;
    }

    /** Maximum time a message stays in the network (5 s): Timers I and K. */
    public SipStackConfig t4(Duration t4) {
        this.t4 = t4;
        return this;
    }

    /** INVITE client transaction timeout; {@code 64*T1} unless set. */
    public Duration timerB() {
        return timerB != null ? timerB : t1.multipliedBy(64);
    }

    public SipStackConfig timerB(Duration timerB) {
        this.timerB = timerB;
        return this;
    }

    /** Non-INVITE client transaction timeout; {@code 64*T1} unless set. */
    public Duration timerF() {
        return timerF != null ? timerF : t1.multipliedBy(64);
    }

    public SipStackConfig timerF(Duration timerF) {
        this.timerF = timerF;
        return this;
    }

    public Duration timerC() {
        return timerC;
    }

    /** How long an INVITE transaction in Proceeding waits for its final response (3 min). */
    public SipStackConfig timerC(Duration timerC) {
        this.timerC = timerC;
        return this;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long an outbound TCP connect may take before the request fails. */
    public SipStackConfig connectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return this;
    }

    public int ioThreads() {
        return ioThreads;
    }

    /** Netty I/O threads for UDP and TCP together; 0 = Netty's default (2 x cores). */
    public SipStackConfig ioThreads(int ioThreads) {
        this.ioThreads = ioThreads;
        return this;
    }

    public String userAgent() {
        return userAgent;
    }

    /** The User-Agent header added to requests that have none; {@code null} adds nothing. */
    public SipStackConfig userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    public Duration tcpIdleTimeout() {
        return tcpIdleTimeout;
    }

    /** A TCP connection with no traffic in either direction for this long is closed (10 min). */
    public SipStackConfig tcpIdleTimeout(Duration tcpIdleTimeout) {
        this.tcpIdleTimeout = tcpIdleTimeout;
        return this;
    }

    public SipTrace trace() {
        return trace;
    }

    /**
     * The SIP message trace switch the transport writes to (off by default); pass one that outlives the stack
     * (a platform keeps its own) so a restart keeps what was switched on.
     */
    public SipStackConfig trace(SipTrace trace) {
        this.trace = Objects.requireNonNull(trace, "trace");
        return this;
    }
}

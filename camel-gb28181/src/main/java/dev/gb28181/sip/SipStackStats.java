package dev.gb28181.sip;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one {@link SipStack}, cheap to update from every I/O thread ({@link LongAdder}).
 * Totals only grow; the {@code active*} and {@code tcpConnections} values are gauges. The stack's
 * own layers update them through the {@code on*} methods and {@link #messages()}; everyone else only reads. One
 * instance may outlive its stack: a platform hands the same one to each stack it starts, so its counters keep
 * growing across restarts, as metrics registries expect of counters.
 */
public final class SipStackStats {

    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder parseErrorsDropped = new LongAdder();
    private final LongAdder badRequestsAnswered = new LongAdder();
    private final LongAdder oversizeRefused = new LongAdder();
    private final LongAdder retransmissionsAbsorbed = new LongAdder();
    private final LongAdder retransmissionsSent = new LongAdder();
    private final LongAdder strayResponses = new LongAdder();
    private final LongAdder clientTimeouts = new LongAdder();
    private final LongAdder activeServerTx = new LongAdder();
    private final LongAdder activeClientTx = new LongAdder();
    private final LongAdder tcpConnections = new LongAdder();
    private final SipMessageCounts messages = new SipMessageCounts();

    /** The messages by direction, method and status. */
    public SipMessageCounts messages() {
        return messages;
    }

    /** Messages received (datagrams and TCP frames, CRLF pings excluded). */
    public long received() {
        return received.sum();
    }

    /** Messages written to a socket, retransmissions included. */
    public long sent() {
        return sent.sum();
    }

    /** Messages that could not be parsed and could not be answered. */
    public long parseErrorsDropped() {
        return parseErrorsDropped.sum();
    }

    /** Malformed requests answered with 400 (or the status the parser chose). */
    public long badRequestsAnswered() {
        return badRequestsAnswered.sum();
    }

    /** Messages or TCP streams refused for exceeding the size limit. */
    public long oversizeRefused() {
        return oversizeRefused.sum();
    }

    /** Retransmitted requests and responses a transaction handled without passing them up. */
    public long retransmissionsAbsorbed() {
        return retransmissionsAbsorbed.sum();
    }

    /** Messages sent again, by a retransmission timer or in answer to a retransmitted request. */
    public long retransmissionsSent() {
        return retransmissionsSent.sum();
    }

    /** Responses that matched no client transaction (RFC 3261 §18.1.2) and were dropped. */
    public long strayResponses() {
        return strayResponses.sum();
    }

    /** Client transactions that ended with Timer B or F (or Timer C after a provisional response). */
    public long clientTimeouts() {
        return clientTimeouts.sum();
    }

    public long activeServerTx() {
        return activeServerTx.sum();
    }

    public long activeClientTx() {
        return activeClientTx.sum();
    }

    /** Open TCP connections, inbound and outbound. */
    public long tcpConnections() {
        return tcpConnections.sum();
    }

    /** Every value by name, for health checks and logs. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("received", received());
        m.put("sent", sent());
        m.put("parseErrorsDropped", parseErrorsDropped());
        m.put("badRequestsAnswered", badRequestsAnswered());
        m.put("oversizeRefused", oversizeRefused());
        m.put("retransmissionsAbsorbed", retransmissionsAbsorbed());
        m.put("retransmissionsSent", retransmissionsSent());
        m.put("strayResponses", strayResponses());
        m.put("clientTimeouts", clientTimeouts());
        m.put("activeServerTx", activeServerTx());
        m.put("activeClientTx", activeClientTx());
        m.put("tcpConnections", tcpConnections());
        return m;
    }

    @Override
    public String toString() {
        return "SipStackStats" + snapshot();
    }

    public void onReceived() {
        received.increment();
    }

    public void onSent() {
        sent.increment();
    }

    public void onParseErrorDropped() {
        parseErrorsDropped.increment();
    }

    public void onBadRequestAnswered() {
        badRequestsAnswered.increment();
    }

    public void onOversizeRefused() {
        oversizeRefused.increment();
    }

    public void onRetransmissionAbsorbed() {
        retransmissionsAbsorbed.increment();
    }

    public void onRetransmissionSent() {
        retransmissionsSent.increment();
    }

    public void onStrayResponse() {
        strayResponses.increment();
    }

    public void onClientTimeout() {
        clientTimeouts.increment();
    }

    /** +1 when a server transaction starts, -1 when it ends. */
    public void onServerTx(int delta) {
        activeServerTx.add(delta);
    }

    /** +1 when a client transaction starts, -1 when it ends. */
    public void onClientTx(int delta) {
        activeClientTx.add(delta);
    }

    /** +1 when a TCP connection opens, -1 when it closes. */
    public void onTcpConnection(int delta) {
        tcpConnections.add(delta);
    }
}

package dev.gb28181.media.rtp;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one RTP receiver, written by its event loop and readable from any thread: what arrived,
 * what was repaired and what was dropped and why. A session with media problems (GB/T 28181-2016
 * §9.2 says nothing about loss) is diagnosed from these numbers, not from logs. A receiver's stats may also add
 * everything to a shared {@code totals} instance (the platform's, over all sessions, for metrics): one more
 * {@link LongAdder} increment per count, and totals that never go down when a session ends.
 */
public final class RtpStats {

    private final RtpStats totals;

    private final LongAdder packets = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final LongAdder reordered = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder wrongSource = new LongAdder();
    private final LongAdder wrongSsrc = new LongAdder();

    /** Counters of their own (a receiver's without totals, or totals themselves). */
    public RtpStats() {
        this(null);
    }

    /** Counters that also add every count to {@code totals} (may be {@code null}). */
    public RtpStats(RtpStats totals) {
        this.totals = totals;
    }

    /** Valid RTP packets of the session received (before reordering, duplicates included). */
    public long packets() {
        return packets.sum();
    }

    /** Payload bytes of those packets (headers and padding excluded). */
    public long bytes() {
        return bytes.sum();
    }

    /** Packets never received, reported to the sink as gaps. */
    public long lost() {
        return lost.sum();
    }

    /** Packets that arrived after a later one and were put back in order. */
    public long reordered() {
        return reordered.sum();
    }

    /** Packets received twice; the copy is dropped. */
    public long duplicates() {
        return duplicates.sum();
    }

    /** Packets that arrived after their place was given up as lost; dropped. */
    public long late() {
        return late.sum();
    }

    /** Datagrams or frames that are not RTP (RFC 3550 §5.1) or break the RFC 4571 framing; dropped. */
    public long malformed() {
        return malformed.sum();
    }

    /** Packets or connections from another address than the device's; dropped. */
    public long wrongSource() {
        return wrongSource.sum();
    }

    /** Valid RTP packets with another SSRC than the session's; dropped. */
    public long wrongSsrc() {
        return wrongSsrc.sum();
    }

    void countReceived(int payloadBytes) {
        packets.increment();
        bytes.add(payloadBytes);
        if (totals != null) {
            totals.countReceived(payloadBytes);
        }
    }

    void countLost(int count) {
        lost.add(count);
        if (totals != null) {
            totals.countLost(count);
        }
    }

    void countReordered() {
        reordered.increment();
        if (totals != null) {
            totals.countReordered();
        }
    }

    void countDuplicate() {
        duplicates.increment();
        if (totals != null) {
            totals.countDuplicate();
        }
    }

    void countLate() {
        late.increment();
        if (totals != null) {
            totals.countLate();
        }
    }

    void countMalformed() {
        malformed.increment();
        if (totals != null) {
            totals.countMalformed();
        }
    }

    void countWrongSource() {
        wrongSource.increment();
        if (totals != null) {
            totals.countWrongSource();
        }
    }

    void countWrongSsrc() {
        wrongSsrc.increment();
        if (totals != null) {
            totals.countWrongSsrc();
        }
    }

    @Override
    public String toString() {
        return "RtpStats[packets=" + packets() + ", bytes=" + bytes() + ", lost=" + lost() + ", reordered="
                + reordered() + ", duplicates=" + duplicates() + ", late=" + late() + ", malformed=" + malformed()
                + ", wrongSource=" + wrongSource() + ", wrongSsrc=" + wrongSsrc() + ']';
    }
}

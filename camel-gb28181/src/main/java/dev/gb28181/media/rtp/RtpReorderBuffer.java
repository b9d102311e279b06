package dev.gb28181.media.rtp;

import java.util.Arrays;

/**
 * Puts the RTP packets of one SSRC back in sequence order before the PS demuxer sees them: over UDP
 * GB/T 28181 devices' packets arrive reordered and duplicated, and a PES spanning many packets
 * (GB/T 28181-2016 Annex C) must be reassembled in order. Sequence numbers are compared modulo 2^16
 * as in RFC 3550 Appendix A.1, so the wrap from 65535 to 0 is seamless.
 *
 * <p>A packet ahead of the next expected one is held; a missing packet is waited for until a packet
 * {@code window} or more ahead of it arrives (a count of packets, no timer), then given up as lost:
 * the sink gets {@link RtpSink#onGap} and the held packets that follow. A jump of
 * {@value #MAX_DROPOUT} or more (a device that restarted its sequence) is followed only when the next
 * packet confirms it, as RFC 3550 A.1 does. Duplicates and packets older than the window are dropped
 * and counted. The stream starts at the lowest sequence number among its first {@value #START_PACKETS}
 * packets (held until they are there): a device's first packets swapped on the way would otherwise lose
 * the first one, which carries the pack header, the PSM and the start of the key frame, and so the whole
 * first GOP and, with a PSM sent only once, the audio of the session. {@link #flush()} delivers what is
 * held at the end of a stream.
 *
 * <p>Not thread-safe: one receiver event loop feeds it. It owns the packets it is given: each is
 * released after the sink returns or when dropped.
 */
public final class RtpReorderBuffer {

    /** Packets held at most while waiting for a missing one. */
    public static final int DEFAULT_WINDOW = 64;
    /** A forward jump of this many packets or more is a resynchronisation (RFC 3550 A.1). */
    public static final int MAX_DROPOUT = 3000;
    /** A backward jump of more than this many packets is a resynchronisation (RFC 3550 A.1). */
    public static final int MAX_MISORDER = 100;
    /** Packets gathered before the stream's first sequence number is chosen (at most the window). */
    public static final int START_PACKETS = 4;

    private final RtpSink sink;
    private final RtpStats stats;
    private final int window;
    private final RtpPacket[] held;
    private final int[] delivered;
    private final RtpPacket[] starting;
    private int startingCount;
    private int heldCount;
    private boolean started;
    private int next;
    private int badSeq = -1;
    private int pendingLost;

    /**
     * @param window packets held at most while a missing one is awaited, 1..{@value #MAX_MISORDER}
     */
    public RtpReorderBuffer(RtpSink sink, int window, RtpStats stats) {
        if (window < 1 || window > MAX_MISORDER) {
            throw new IllegalArgumentException("window " + window + " not in 1.." + MAX_MISORDER);
        }
        this.sink = sink;
        this.stats = stats;
        this.window = window;
        this.held = new RtpPacket[window];
        this.delivered = new int[window];
        this.starting = new RtpPacket[Math.min(START_PACKETS, window)];
        Arrays.fill(delivered, -1);
    }

    /** Takes ownership of {@code packet}: delivers it (and what it unblocks), holds it, or drops it. */
    public void add(RtpPacket packet) {
        if (!started) {
            starting[startingCount++] = packet;
            if (startingCount == starting.length) {
                start();
            }
            return;
        }
        int seq = packet.sequence();
        int delta = (short) (seq - next);
        if (delta >= MAX_DROPOUT || delta < -MAX_MISORDER) {
            resync(packet, seq);
        } else if (delta < 0) {
            if (delivered[seq % window] == seq) {
                stats.countDuplicate();
            } else {
                stats.countLate();
            }
            packet.release();
        } else if (delta == 0) {
            if (heldCount > 0) {
                stats.countReordered();
            }
            deliver(packet);
            drain();
        } else {
            if (delta >= window) {
                skipUntilFits(seq);
            }
            if (seq == next) {
                deliver(packet);
                drain();
            } else {
                hold(packet, seq);
            }
        }
    }

    /** Delivers every held packet in order, reporting the holes between them as gaps. */
    public void flush() {
        if (!started && startingCount > 0) {
            start();
        }
        while (heldCount > 0) {
            skipOne();
            drain();
        }
    }

    /** Releases the held packets without delivering them (the session is over). */
    public void close() {
        for (int i = 0; i < startingCount; i++) {
            starting[i].release();
            starting[i] = null;
        }
        startingCount = 0;
        for (int i = 0; i < window; i++) {
            if (held[i] != null) {
                held[i].release();
                held[i] = null;
            }
        }
        heldCount = 0;
    }

    /** Packets currently held: waiting for a missing one, or gathered before the stream's start. */
    public int held() {
        return heldCount + startingCount;
    }

    public RtpStats stats() {
        return stats;
    }

    /**
     * Starts the stream at the lowest of the gathered sequence numbers (compared modulo 2^16 from the first,
     * within {@value #MAX_MISORDER}) and passes the gathered packets through the normal path.
     */
    private void start() {
        started = true;
        int first = starting[0].sequence();
        int lowest = first;
        for (int i = 1; i < startingCount; i++) {
            int seq = starting[i].sequence();
            if ((short) (seq - lowest) < 0 && (short) (first - seq) <= MAX_MISORDER) {
                lowest = seq;
            }
        }
        next = lowest;
        int count = startingCount;
        startingCount = 0;
        RuntimeException failure = null;
        for (int i = 0; i < count; i++) {
            RtpPacket packet = starting[i];
            starting[i] = null;
            try {
                add(packet);
            } catch (RuntimeException e) { // a failing sink loses its packet, not the others gathered
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void resync(RtpPacket packet, int seq) {
        if (seq != badSeq) {
            badSeq = (seq + 1) & 0xFFFF;
            stats.countLate();
            packet.release();
            return;
        }
        badSeq = -1;
        flush();
        next = seq;
        deliver(packet);
    }

    private void hold(RtpPacket packet, int seq) {
        int slot = seq % window;
        RtpPacket there = held[slot];
        if (there != null) {
            stats.countDuplicate();
            packet.release();
            return;
        }
        held[slot] = packet;
        heldCount++;
    }

    /** Gives up missing packets until {@code seq} is less than a window ahead of the next expected. */
    private void skipUntilFits(int seq) {
        while ((short) (seq - next) >= window) {
            if (heldCount == 0) {
                int jump = (short) (seq - next) - (window - 1);
                pendingLost += jump;
                next = (next + jump) & 0xFFFF;
                return;
            }
            skipOne();
            drain();
        }
    }

    private void skipOne() {
        if (held[next % window] == null) {
            pendingLost++;
            next = (next + 1) & 0xFFFF;
        }
    }

    private void drain() {
        RtpPacket p;
        while (heldCount > 0 && (p = held[next % window]) != null) {
            held[next % window] = null;
            heldCount--;
            deliver(p);
        }
    }

    private void deliver(RtpPacket packet) {
        if (pendingLost > 0) {
            int lost = pendingLost;
            pendingLost = 0;
            stats.countLost(lost);
            sink.onGap(lost);
        }
        int seq = packet.sequence();
        delivered[seq % window] = seq;
        next = (seq + 1) & 0xFFFF;
        try {
            sink.onPacket(packet);
        } finally {
            packet.release();
        }
    }
}

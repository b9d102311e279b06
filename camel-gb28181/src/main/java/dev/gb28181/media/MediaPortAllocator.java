package dev.gb28181.media;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Objects;

/**
 * Hands out the local RTP ports of media sessions from the {@code mediaPortRange} endpoint option (API.md,
 * e.g. {@code 30000-30999}); the port is the one the platform announces in the {@code m=} line of its INVITE
 * offer (GB/T 28181-2016 §9.2, Annex F).
 *
 * <p>One port per session, any parity: GB media is PS over RTP (PT 96) and devices do not rely on RTCP, so the
 * RFC 3550 even-RTP/odd-RTCP pairing would halve the range for nothing. A candidate is probe-bound (UDP or TCP,
 * as the session will use it) on the bind address and closed again, so ports that other processes hold are
 * skipped; the caller binds it right after, and if that bind still loses a race it releases the port and
 * allocates another. A released port returns to the pool only after {@code releaseDelay}, so a device that keeps
 * sending after the BYE does not feed the next session; ports are handed out round-robin for the same reason.
 * When no port is free the {@link IllegalStateException} names the range and why.
 *
 * <p>Thread-safe; the clock is injectable so tests step time instead of sleeping.
 */
public final class MediaPortAllocator {

    /** Default time a released port stays out of the pool. */
    public static final Duration DEFAULT_RELEASE_DELAY = Duration.ofSeconds(10);

    /** The socket kind a port is probed for: the session's transport (TCP for both TCP passive and active). */
    public enum Protocol {
        UDP, TCP
    }

    /** An inclusive port range, {@code first-last}. */
    public record PortRange(int first, int last) {

        public PortRange {
            if (first < 1 || last > 65535 || first > last) {
                throw new IllegalArgumentException("media port range " + first + "-" + last
                        + " must be first-last within 1-65535 with first <= last");
            }
        }

        /**
         * Reads {@code first-last}, e.g. {@code 30000-30999} (spaces around the numbers allowed).
         *
         * @throws IllegalArgumentException naming the text when it is not a valid range
         */
        public static PortRange parse(String text) {
            int dash = text == null ? -1 : text.indexOf('-');
            if (dash < 0) {
                throw new IllegalArgumentException("mediaPortRange '" + text + "' is not first-last, e.g. 30000-30999");
            }
            try {
                return new PortRange(Integer.parseInt(text.substring(0, dash).strip()),
                        Integer.parseInt(text.substring(dash + 1).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mediaPortRange '" + text + "' is not first-last, e.g. 30000-30999");
            }
        }

        /** How many ports the range holds. */
        public int size() {
            return last - first + 1;
        }

        /** True when {@code port} is in the range. */
        public boolean contains(int port) {
            return port >= first && port <= last;
        }

        @Override
        public String toString() {
            return first + "-" + last;
        }
    }

    private record Releasing(int port, long untilMillis) {
    }

    private final PortRange range;
    private final InetAddress bindAddress;
    private final long releaseDelayMillis;
    private final Clock clock;
    private final BitSet allocated;
    private final BitSet unavailable;
    private final ArrayDeque<Releasing> releasing = new ArrayDeque<>();
    private int cursor;

    /** An allocator over {@code range} probing the wildcard address, with the default delay and system clock. */
    public MediaPortAllocator(PortRange range) {
        this(range, null, DEFAULT_RELEASE_DELAY, Clock.systemUTC());
    }

    /**
     * An allocator over {@code range}.
     *
     * @param bindAddress the local media address ports are probed on; null for the wildcard address
     */
    public MediaPortAllocator(PortRange range, InetAddress bindAddress, Duration releaseDelay, Clock clock) {
        this.range = Objects.requireNonNull(range, "range");
        if (releaseDelay.isNegative()) {
            throw new IllegalArgumentException("media port release delay " + releaseDelay + " is negative");
        }
        this.bindAddress = bindAddress;
        this.releaseDelayMillis = releaseDelay.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.allocated = new BitSet(range.size());
        this.unavailable = new BitSet(range.size());
    }

    /** The range ports come from. */
    public PortRange range() {
        return range;
    }

    /**
     * A free port of the range that could be bound for {@code protocol} just now.
     *
     * @throws IllegalStateException naming the range when every port is allocated, releasing or held by
     *         another process
     */
    public synchronized int allocate(Protocol protocol) {
        Objects.requireNonNull(protocol, "protocol");
        long now = clock.millis();
        while (!releasing.isEmpty() && releasing.peekFirst().untilMillis() <= now) {
            unavailable.clear(releasing.pollFirst().port() - range.first());
        }
        int size = range.size();
        int busyElsewhere = 0;
        for (int step = 0; step < size; step++) {
            int index = (cursor + step) % size;
            if (unavailable.get(index)) {
                continue;
            }
            int port = range.first() + index;
            if (bindable(port, protocol)) {
                unavailable.set(index);
                allocated.set(index);
                cursor = (index + 1) % size;
                return port;
            }
            busyElsewhere++;
        }
        throw new IllegalStateException("no free " + protocol + " media port in mediaPortRange " + range + ": "
                + allocated.cardinality() + " allocated, " + releasing.size() + " released less than "
                + releaseDelayMillis + " ms ago, " + busyElsewhere + " in use by other processes");
    }

    /**
     * Gives an allocated port back; it can be allocated again after the release delay.
     *
     * @return false (and nothing changes) when {@code port} is not currently allocated by this allocator
     */
    public synchronized boolean release(int port) {
        if (!range.contains(port) || !allocated.get(port - range.first())) {
            return false;
        }
        int index = port - range.first();
        allocated.clear(index);
        if (releaseDelayMillis == 0) {
            unavailable.clear(index);
        } else {
            releasing.addLast(new Releasing(port, clock.millis() + releaseDelayMillis));
        }
        return true;
    }

    /** How many ports are allocated now (not counting those waiting out the release delay). */
    public synchronized int allocatedCount() {
        return allocated.cardinality();
    }

    private boolean bindable(int port, Protocol protocol) {
        InetSocketAddress address = bindAddress == null ? new InetSocketAddress(port)
                : new InetSocketAddress(bindAddress, port);
        try {
            if (protocol == Protocol.UDP) {
                try (DatagramSocket socket = new DatagramSocket(null)) {
                    socket.setReuseAddress(false);
                    socket.bind(address);
                }
            } else {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.bind(address, 1);
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

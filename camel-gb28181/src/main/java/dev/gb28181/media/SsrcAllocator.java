package dev.gb28181.media;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Objects;

/**
 * Allocates the SSRCs of the platform's media sessions as GB/T 28181-2016 Annex F (the {@code y=} field) defines
 * them: ten decimal digits, the first {@code 0} for live and {@code 1} for history (playback, download), digits 2-6
 * the characters 4-8 of the SIP domain ID (of {@code 13010000002000000001}: {@code 10000}), digits 7-10 a four-digit
 * sequence unique among the domain's media streams. The RTP header carries the decimal value ({@link #wireValue}).
 *
 * <p>Why a quarantine: a device may keep sending RTP for a while after the BYE; a released value returns to the
 * pool only after {@code quarantine}, so a new session never receives the tail of an old one (PROTOCOL.md
 * "SSRC mismatch after restarts"). Values are handed out round-robin for the same reason. Each prefix (live,
 * history) has 10,000 values; when all are allocated or quarantined, allocation fails with an
 * {@link IllegalStateException} that says so.
 *
 * <p>Thread-safe; the clock is injectable so tests step time instead of sleeping.
 */
public final class SsrcAllocator {

    /** Default time a released SSRC stays out of the pool. */
    public static final Duration DEFAULT_QUARANTINE = Duration.ofSeconds(30);

    private static final int SEQUENCES = 10_000;

    private final String domainDigits;
    private final long quarantineMillis;
    private final Clock clock;
    private final Pool live = new Pool('0');
    private final Pool history = new Pool('1');

    /** An allocator for {@code domain} with the default quarantine and the system clock. */
    public SsrcAllocator(String domain) {
        this(domain, DEFAULT_QUARANTINE, Clock.systemUTC());
    }

    /**
     * An allocator for {@code domain}: the 10-character SIP domain ID or a 20-digit SIP ID (they share characters
     * 4-8).
     *
     * @throws IllegalArgumentException when characters 4-8 of {@code domain} are not five decimal digits or the
     *         quarantine is negative
     */
    public SsrcAllocator(String domain, Duration quarantine, Clock clock) {
        Objects.requireNonNull(domain, "domain");
        if (domain.length() < 8) {
            throw new IllegalArgumentException("SSRC domain '" + domain + "' is shorter than 8 characters");
        }
        String digits = domain.substring(3, 8);
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new IllegalArgumentException("characters 4-8 of the SSRC domain '" + domain
                        + "' must be decimal digits, not '" + digits + "'");
            }
        }
        if (quarantine.isNegative()) {
            throw new IllegalArgumentException("SSRC quarantine " + quarantine + " is negative");
        }
        this.domainDigits = digits;
        this.quarantineMillis = quarantine.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The five domain digits (characters 4-8 of the domain) every SSRC of this allocator carries. */
    public String domainDigits() {
        return domainDigits;
    }

    /** A new live SSRC, {@code 0<domain digits><sequence>}. */
    public synchronized String allocateLive() {
        return live.allocate();
    }

    /** A new history (playback, download) SSRC, {@code 1<domain digits><sequence>}. */
    public synchronized String allocateHistory() {
        return history.allocate();
    }

    /**
     * Gives an allocated SSRC back; it can be allocated again after the quarantine.
     *
     * @return false (and nothing changes) when {@code ssrc} is not currently allocated by this allocator
     */
    public synchronized boolean release(String ssrc) {
        if (ssrc == null || ssrc.length() != 10 || !ssrc.startsWith(domainDigits, 1)) {
            return false;
        }
        int sequence = 0;
        for (int i = 6; i < 10; i++) {
            char c = ssrc.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sequence = sequence * 10 + (c - '0');
        }
        Pool pool = switch (ssrc.charAt(0)) {
            case '0' -> live;
            case '1' -> history;
            default -> null;
        };
        return pool != null && pool.release(sequence);
    }

    /** How many SSRCs are allocated now (not counting quarantined ones). */
    public synchronized int allocatedCount() {
        return live.allocated.cardinality() + history.allocated.cardinality();
    }

    /**
     * The RTP header SSRC of a GB SSRC text: its decimal value as an unsigned 32-bit number
     * ({@code 0100000001} is {@code 0x05F5E101}).
     *
     * @throws IllegalArgumentException when {@code ssrc} is not 1-10 decimal digits or exceeds 4294967295
     */
    public static long wireValue(String ssrc) {
        if (ssrc == null || ssrc.isEmpty() || ssrc.length() > 10) {
            throw new IllegalArgumentException("SSRC '" + ssrc + "' is not 1-10 decimal digits");
        }
        long value = 0;
        for (int i = 0; i < ssrc.length(); i++) {
            char c = ssrc.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("SSRC '" + ssrc + "' is not 1-10 decimal digits");
            }
            value = value * 10 + (c - '0');
        }
        if (value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC '" + ssrc + "' exceeds the 32 bits of the RTP header");
        }
        return value;
    }

    private record Quarantined(int sequence, long untilMillis) {
    }

    /** The 10,000 sequences of one prefix: allocated, quarantined (in the FIFO) or free. */
    private final class Pool {
        private final char prefix;
        private final BitSet allocated = new BitSet(SEQUENCES);
        private final BitSet unavailable = new BitSet(SEQUENCES);
        private final ArrayDeque<Quarantined> quarantined = new ArrayDeque<>();
        private int cursor;

        Pool(char prefix) {
            this.prefix = prefix;
        }

        String allocate() {
            long now = clock.millis();
            while (!quarantined.isEmpty() && quarantined.peekFirst().untilMillis() <= now) {
                unavailable.clear(quarantined.pollFirst().sequence());
            }
            int sequence = unavailable.nextClearBit(cursor);
            if (sequence >= SEQUENCES) {
                sequence = unavailable.nextClearBit(0);
            }
            if (sequence >= SEQUENCES) {
                throw new IllegalStateException("all " + SEQUENCES + " SSRCs " + prefix + domainDigits
                        + "0000-9999 are in use (" + allocated.cardinality() + " allocated, " + quarantined.size()
                        + " released less than " + quarantineMillis + " ms ago)");
            }
            unavailable.set(sequence);
            allocated.set(sequence);
            cursor = (sequence + 1) % SEQUENCES;
            StringBuilder ssrc = new StringBuilder(10).append(prefix).append(domainDigits);
            String digits = Integer.toString(sequence);
            for (int i = digits.length(); i < 4; i++) {
                ssrc.append('0');
            }
            return ssrc.append(digits).toString();
        }

        boolean release(int sequence) {
            if (!allocated.get(sequence)) {
                return false;
            }
            allocated.clear(sequence);
            if (quarantineMillis == 0) {
                unavailable.clear(sequence);
            } else {
                quarantined.addLast(new Quarantined(sequence, clock.millis() + quarantineMillis));
            }
            return true;
        }
    }
}

package dev.gb28181.sip.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The nonces this server handed out in digest challenges (RFC 2617 §3.2.1, RFC 3261 §22.4).
 *
 * <p>A nonce is 128 random bits from {@link SecureRandom} written as 32 hex digits. It is valid for
 * {@code ttl}; after that it stays known for one more {@code ttl} so that a correct answer with it
 * gets {@code stale=true} (the client retries with the new nonce instead of failing), then it is
 * forgotten and an answer with it gets a fresh challenge.
 *
 * <p>Replay protection: an answer with {@code qop=auth} must carry a nonce-count above every count
 * already accepted for that nonce (RFC 2617 §3.2.2); an RFC 2069 answer (no qop, no count) can be
 * accepted only once per nonce, so a captured REGISTER cannot be sent again. Retransmissions of one
 * request never reach this store: the SIP transaction layer absorbs them.
 *
 * <p>Memory is bounded: at most {@code capacity} nonces are kept; beyond that the oldest is
 * forgotten. Nonces are kept in creation order, so {@link #purgeExpired()} (called from the
 * platform's shared timer, never one task per nonce) only looks at the ones it removes.
 */
public final class NonceStore {

    /** Default bound on remembered nonces: about 25 MB at worst, one challenge per device of a large fleet. */
    public static final int DEFAULT_CAPACITY = 200_000;

    private static final HexFormat HEX = HexFormat.of();

    private final ConcurrentHashMap<String, Entry> nonces = new ConcurrentHashMap<>();
    private final Queue<Entry> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final long ttlNanos;
    private final int capacity;
    private final LongSupplier nanoClock;

    public NonceStore(Duration ttl) {
        this(ttl, DEFAULT_CAPACITY, System::nanoTime);
    }

    NonceStore(Duration ttl, int capacity, LongSupplier nanoClock) {
        if (ttl.isNegative() || ttl.isZero() || capacity < 1) {
            throw new IllegalArgumentException("nonce ttl and capacity must be positive");
        }
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
        this.nanoClock = nanoClock;
    }

    /** A new nonce, remembered from now on. */
    public String issue() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        Entry entry = new Entry(HEX.formatHex(bytes), nanoClock.getAsLong());
        nonces.put(entry.nonce, entry);
        order.add(entry);
        if (queued.incrementAndGet() > capacity) {
            forgetOldest();
        }
        return entry.nonce;
    }

    /** The state of a nonce the client answered with. */
    public Entry find(String nonce) {
        return nonces.get(nonce);
    }

    /** Forgets nonces older than twice the ttl (the stale grace period is over). */
    public void purgeExpired() {
        long now = nanoClock.getAsLong();
        Entry head;
        while ((head = order.peek()) != null && now - head.createdNanos > 2 * ttlNanos) {
            if (order.remove(head)) {
                queued.decrementAndGet();
                nonces.remove(head.nonce, head);
            }
        }
    }

    /** Number of nonces currently remembered. */
    public int size() {
        return nonces.size();
    }

    private void forgetOldest() {
        Entry oldest = order.poll();
        if (oldest != null) {
            queued.decrementAndGet();
            nonces.remove(oldest.nonce, oldest);
        }
    }

    /** One issued nonce: its age and the highest nonce-count accepted with it. */
    public final class Entry {

        private final String nonce;
        private final long createdNanos;
        private long lastCount;
        private boolean used;

        private Entry(String nonce, long createdNanos) {
            this.nonce = nonce;
            this.createdNanos = createdNanos;
        }

        /** {@code true} once the nonce is older than the ttl (answers with it get {@code stale=true}). */
        public boolean expired() {
            return nanoClock.getAsLong() - createdNanos > ttlNanos;
        }

        /**
         * Accepts a qop answer's nonce-count if it is above every count accepted before.
         *
         * @return {@code false} for a replayed (equal or lower) count
         */
        public synchronized boolean acceptCount(long count) {
            if (count <= lastCount) {
                return false;
            }
            lastCount = count;
            used = true;
            return true;
        }

        /**
         * Accepts an RFC 2069 answer (no nonce-count) once; the nonce is then forgotten.
         *
         * @return {@code false} when the nonce was already used
         */
        public boolean acceptOnce() {
            synchronized (this) {
                if (used) {
                    return false;
                }
                used = true;
            }
            nonces.remove(nonce, this);
            return true;
        }
    }
}

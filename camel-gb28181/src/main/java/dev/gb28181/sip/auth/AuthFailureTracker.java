package dev.gb28181.sip.auth;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks out a source address that keeps failing digest authentication, against password guessing
 * and the REGISTER floods of misconfigured devices (a field problem GB/T 28181 platforms report).
 *
 * <p>After {@code limit} wrong passwords from one IP address within one {@code lockout} period, that
 * address is refused (403 without a challenge) until {@code lockout} has passed. A success clears
 * the address's count. Devices behind one NAT share an address, so a single misconfigured device can
 * lock out its neighbours for one period: keep {@code limit} well above a device's retry burst.
 *
 * <p>Memory is bounded to {@code capacity} addresses; {@link #purgeExpired()} runs on the platform's
 * shared timer. When the table is full of live entries, new addresses are not tracked (logged once).
 */
public final class AuthFailureTracker {

    /** Default bound on tracked addresses. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(AuthFailureTracker.class);

    private final ConcurrentHashMap<InetAddress, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicBoolean fullLogged = new AtomicBoolean();
    private final int limit;
    private final long lockoutNanos;
    private final int capacity;
    private final LongSupplier nanoClock;

    /**
     * @param limit   wrong passwords allowed per period; 0 or less disables the lockout
     * @param lockout the counting period and the length of a lockout
     */
    public AuthFailureTracker(int limit, Duration lockout) {
        this(limit, lockout, DEFAULT_CAPACITY, System::nanoTime);
    }

    AuthFailureTracker(int limit, Duration lockout, int capacity, LongSupplier nanoClock) {
        this.limit = limit;
        this.lockoutNanos = lockout.toNanos();
        this.capacity = capacity;
        this.nanoClock = nanoClock;
    }

    /** {@code true} while {@code source} is locked out. */
    public boolean isLocked(InetAddress source) {
        Entry e = entries.get(source);
        return e != null && e.locked(nanoClock.getAsLong());
    }

    /**
     * Counts one wrong password from {@code source}.
     *
     * @return {@code true} when this failure starts a lockout
     */
    public boolean recordFailure(InetAddress source) {
        if (limit <= 0) {
            return false;
        }
        long now = nanoClock.getAsLong();
        Entry e = entries.get(source);
        if (e == null) {
            if (entries.size() >= capacity) {
                purgeExpired();
                if (entries.size() >= capacity) {
                    if (fullLogged.compareAndSet(false, true)) {
                        LOG.warn("Authentication failure table full ({} addresses): new sources are not locked out",
                                capacity);
                    }
                    return false;
                }
            }
            e = entries.computeIfAbsent(source, k -> new Entry(now));
        }
        return e.fail(now);
    }

    /** Forgets the failures of {@code source} after it authenticated. */
    public void recordSuccess(InetAddress source) {
        if (!entries.isEmpty()) {
            entries.remove(source);
        }
    }

    /** Drops entries whose counting period and lockout are over. */
    public void purgeExpired() {
        long now = nanoClock.getAsLong();
        entries.values().removeIf(e -> e.idle(now));
    }

    /** Number of tracked addresses. */
    public int size() {
        return entries.size();
    }

    private final class Entry {

        private long windowStart;
        private int failures;
        private long lockedUntil;
        private boolean lockedNow;

        Entry(long now) {
            this.windowStart = now;
        }

        synchronized boolean fail(long now) {
            if (lockedNow && now - lockedUntil < 0) {
                return false;
            }
            if (lockedNow || now - windowStart > lockoutNanos) {
                lockedNow = false;
                windowStart = now;
                failures = 0;
            }
            failures++;
            if (failures >= limit) {
                lockedNow = true;
                lockedUntil = now + lockoutNanos;
                return true;
            }
            return false;
        }

        synchronized boolean locked(long now) {
            return lockedNow && now - lockedUntil < 0;
        }

        synchronized boolean idle(long now) {
            return lockedNow ? now - lockedUntil >= 0 : now - windowStart > lockoutNanos;
        }
    }
}

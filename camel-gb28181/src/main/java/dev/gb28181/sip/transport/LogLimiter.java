package dev.gb28181.sip.transport;

import org.slf4j.Logger;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a flood of bad packets from flooding the log: the first event of a kind in each interval
 * is logged at WARN with its context (source address, reason) and how many were logged only at
 * DEBUG since the last WARN; the others go to DEBUG. The counters in
 * {@link dev.gb28181.sip.SipStackStats} keep the exact numbers.
 */
public final class LogLimiter {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong nextWarnAt = new AtomicLong(System.nanoTime());
    private final AtomicLong quieted = new AtomicLong();

    public LogLimiter(Logger log, long interval, TimeUnit unit) {
        this.log = log;
        this.intervalNanos = unit.toNanos(interval);
    }

    /** Logs {@code message} (an SLF4J pattern) at WARN at most once per interval, else at DEBUG. */
    public void warn(String message, Object... args) {
        long now = System.nanoTime();
        long next = nextWarnAt.get();
        if (now - next >= 0 && nextWarnAt.compareAndSet(next, now + intervalNanos)) {
            long skipped = quieted.getAndSet(0);
            if (log.isWarnEnabled()) {
                log.warn(skipped == 0 ? message : message + " (" + skipped + " similar at DEBUG since the last warning)",
                        args);
            }
        } else {
            quieted.incrementAndGet();
            log.debug(message, args);
        }
    }
}

package dev.gb28181.sip;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP messages on the wire by direction, method and (responses) status code, retransmissions included
 * ({@link SipStackStats#retransmissionsSent()} and {@link SipStackStats#retransmissionsAbsorbed()} count those).
 * A response counts under its CSeq method. Methods outside {@link SipMethod#ALL} count as {@link #OTHER}, so the
 * number of series stays bounded whatever devices send.
 *
 * <p>Counting is an array index and a {@link LongAdder} increment: no lock, no allocation once a series exists.
 * A series' adder is created at its first message, and only then are the {@linkplain #watch watchers} told, so a
 * metrics registry shows the methods and status codes that occurred, not 13,000 zeros.
 */
public final class SipMessageCounts {

    /** The method name counted for a method outside {@link SipMethod#ALL}. */
    public static final String OTHER = "OTHER";

    /** Which way a message went. */
    public enum Direction { IN, OUT }

    /** One counted series: {@code status} is 0 for requests. */
    public record Series(Direction direction, String method, int status) {
    }

    /** Told of each series when its first message is counted. */
    @FunctionalInterface
    public interface Watcher {
        void created(Series series);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SipMessageCounts.class);
    private static final List<String> METHODS = SipMethod.ALL;
    private static final int METHOD_SLOTS = METHODS.size() + 1;
    /** Slot 0: requests; 1..600: responses 100..699. */
    private static final int STATUS_SLOTS = 601;

    private final AtomicReferenceArray<LongAdder> counters =
            new AtomicReferenceArray<>(Direction.values().length * METHOD_SLOTS * STATUS_SLOTS);
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

    /** Counts one request. */
    public void countRequest(Direction direction, String method) {
        count(direction, methodIndex(method), 0);
    }

    /**
     * Counts one response to a {@code method} request ({@code null}: unknown, counted as {@link #OTHER}); a status
     * outside 100..699 is not counted.
     */
    public void countResponse(Direction direction, String method, int status) {
        int slot = statusSlot(status);
        if (slot > 0) {
            count(direction, methodIndex(method), slot);
        }
    }

    /** The messages of one series so far (0 when none was counted, or its status is not 0 or 100..699). */
    public long count(Series series) {
        int slot = statusSlot(series.status());
        if (slot < 0) {
            return 0;
        }
        LongAdder adder = counters.get(index(series.direction(), methodIndex(series.method()), slot));
        return adder == null ? 0 : adder.sum();
    }

    /**
     * Tells {@code watcher} of every series counted so far and of each new one from now on (a series created while
     * this runs may be told twice).
     */
    public void watch(Watcher watcher) {
        watchers.add(watcher);
        for (int i = 0; i < counters.length(); i++) {
            if (counters.get(i) != null) {
                watcher.created(series(i));
            }
        }
    }

    private void count(Direction direction, int method, int statusSlot) {
        int i = index(direction, method, statusSlot);
        LongAdder adder = counters.get(i);
        if (adder == null) {
            adder = create(i);
        }
        adder.increment();
    }

    private LongAdder create(int i) {
        LongAdder created = new LongAdder();
        if (!counters.compareAndSet(i, null, created)) {
            return counters.get(i);
        }
        Series series = series(i);
        for (Watcher w : watchers) {
            try {
                w.created(series);
            } catch (RuntimeException e) { // never out of an I/O thread: the message must still be processed
                LOG.warn("SIP message counter watcher {} failed on {}: {}", w, series, e.toString());
            }
        }
        return created;
    }

    /** The method's slot; {@link #OTHER}'s for {@code null} (a CSeq that did not parse) and unknown methods. */
    private static int methodIndex(String method) {
        int m = method == null ? -1 : METHODS.indexOf(method);
        return m < 0 ? METHODS.size() : m;
    }

    /** The status's slot: 0 for a request (status 0), 1..600 for a response 100..699, -1 for anything else. */
    private static int statusSlot(int status) {
        return status == 0 ? 0 : status >= 100 && status <= 699 ? status - 99 : -1;
    }

    private static int index(Direction direction, int method, int statusSlot) {
        return (direction.ordinal() * METHOD_SLOTS + method) * STATUS_SLOTS + statusSlot;
    }

    private static Series series(int i) {
        int statusSlot = i % STATUS_SLOTS;
        int method = i / STATUS_SLOTS % METHOD_SLOTS;
        Direction direction = Direction.values()[i / STATUS_SLOTS / METHOD_SLOTS];
        return new Series(direction, method == METHODS.size() ? OTHER : METHODS.get(method),
                statusSlot == 0 ? 0 : statusSlot + 99);
    }
}

package dev.gb28181.benchmarks.load;

import java.util.Arrays;

/**
 * Answer times of one phase, sorted, for percentiles. A sorted {@code long[]} is exact and small
 * enough at the counts a run produces (a few hundred thousand), so no histogram library is needed.
 */
final class Latencies {

    private final long[] sortedNanos;
    private final int count;

    private Latencies(long[] sortedNanos, int count) {
        this.sortedNanos = sortedNanos;
        this.count = count;
    }

    /**
     * Sorts the first {@code count} values of {@code nanos} in place and keeps them (no copy: the
     * generator measures heap while a result is alive).
     */
    static Latencies of(long[] nanos, int count) {
        Arrays.sort(nanos, 0, count);
        return new Latencies(nanos, count);
    }

    int count() {
        return count;
    }

    /** The {@code percentile} (0-100) in milliseconds, nearest rank; 0 when empty. */
    double percentileMillis(double percentile) {
        if (count == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sortedNanos[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return count == 0 ? 0 : sortedNanos[count - 1] / 1e6;
    }

    @Override
    public String toString() {
        return String.format("p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms", percentileMillis(50),
                percentileMillis(99), percentileMillis(99.9), maxMillis());
    }
}

package io.steppe.bench;

/**
 * Latencies in nanoseconds, kept log-linear like HdrHistogram (which is not on Steppe's classpath): exact below
 * 128 ns, above that 64 buckets per power of two, so a percentile is off by at most 1/64 (1.6 %). Fixed size,
 * no allocation per value. Not thread-safe: filled on one event loop, read after it is done.
 */
final class LatencyHistogram {

    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;
    private static final int EXACT = 2 * SUB;
    /** Values from 2^40 ns (18 minutes) up share the last bucket; the generator never waits that long. */
    private static final int TOP_BIT = 40;

    private final long[] counts = new long[EXACT + (TOP_BIT - SUB_BITS) * SUB];
    private long total;
    private long max;

    void record(long nanos) {
        long value = Math.max(0, nanos);
        counts[index(value)]++;
        total++;
        max = Math.max(max, value);
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    /**
     * The smallest value that at least {@code quantile} of the recorded values do not exceed, as the upper edge of
     * its bucket (capped by the true maximum); 0 when nothing was recorded.
     */
    long valueAt(double quantile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperEdge(i), max);
            }
        }
        return max;
    }

    static int index(long value) {
        if (value < EXACT) {
            return (int) value;
        }
        int bit = Math.min(63 - Long.numberOfLeadingZeros(value), TOP_BIT - 1);
        int shift = bit - SUB_BITS;
        int sub = (int) Math.min((value >>> shift) - SUB, SUB - 1);
        return EXACT + (bit - SUB_BITS - 1) * SUB + sub;
    }

    static long upperEdge(int index) {
        if (index < EXACT) {
            return index;
        }
        int bit = (index - EXACT) / SUB + SUB_BITS + 1;
        int sub = (index - EXACT) % SUB;
        int shift = bit - SUB_BITS;
        return ((long) (SUB + sub + 1) << shift) - 1;
    }
}

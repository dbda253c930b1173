package io.steppe.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinOneBucketOfTheTruth() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long micros = 1; micros <= 10_000; micros++) {
            histogram.record(micros * 1000);
        }
        assertEquals(10_000, histogram.count());
        assertEquals(10_000_000, histogram.max());
        assertClose(5_000_000, histogram.valueAt(0.50));
        assertClose(9_900_000, histogram.valueAt(0.99));
        assertClose(9_990_000, histogram.valueAt(0.999));
        assertEquals(10_000_000, histogram.valueAt(1.0));
    }

    @Test
    void smallValuesAreExactAndHugeOnesAreKept() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(-5);
        histogram.record(100);
        histogram.record(Long.MAX_VALUE);
        assertEquals(0, histogram.valueAt(0.2));
        assertEquals(100, histogram.valueAt(0.5));
        assertEquals(Long.MAX_VALUE, histogram.max());
        assertEquals(0, new LatencyHistogram().valueAt(0.99));
    }

    @Test
    void bucketsCoverEveryValueInOrder() {
        long previousEdge = -1;
        for (long value = 0; value < 1L << 20; value += 1 + value / 97) {
            int index = LatencyHistogram.index(value);
            long edge = LatencyHistogram.upperEdge(index);
            assertTrue(value <= edge, value + " above its bucket's edge " + edge);
            assertTrue(edge >= previousEdge);
            assertTrue(edge - value <= Math.max(1, value / 64), value + " bucket too wide: " + edge);
            previousEdge = edge;
        }
    }

    private static void assertClose(long expected, long actual) {
        assertTrue(Math.abs(actual - expected) <= expected / 64 + 1000, "expected ~" + expected + ", was " + actual);
    }
}

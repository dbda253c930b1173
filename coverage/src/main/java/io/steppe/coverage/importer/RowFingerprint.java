package io.steppe.coverage.importer;

import io.steppe.coverage.sample.Sample;

/**
 * A 64-bit fingerprint of a sample's values (SplitMix64 finaliser over each value): the same row imported twice
 * under one source has the same one. Among ten million rows of one source a collision, which would drop a row,
 * has a probability near 3·10⁻⁶.
 */
final class RowFingerprint {

    private RowFingerprint() {
    }

    static long of(Sample s) {
        long h = 0x9E3779B97F4A7C15L;
        h = mix(h, s.measuredAt());
        h = mix(h, Double.doubleToLongBits(s.latitude()));
        h = mix(h, Double.doubleToLongBits(s.longitude()));
        h = mix(h, s.operator().hashCode());
        h = mix(h, s.rat().ordinal());
        h = mix(h, s.rsrp() == null ? Long.MIN_VALUE : s.rsrp());
        h = mix(h, bits(s.rsrq()));
        h = mix(h, bits(s.sinr()));
        h = mix(h, bits(s.downMbps()));
        h = mix(h, bits(s.upMbps()));
        return mix(h, s.device().hashCode());
    }

    private static long bits(Float f) {
        return f == null ? Long.MIN_VALUE + 1 : Float.floatToIntBits(f);
    }

    private static long mix(long h, long v) {
        long z = h ^ (v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

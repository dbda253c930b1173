package io.steppe.ops;

import io.steppe.coverage.CoverageConfig;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * The coverage method's thresholds as configuration keys; each default is {@link CoverageConfig#defaults()}
 * (docs/coverage-method.md gives the sources). Read with the rest of {@link SteppeConfig}.
 */
final class CoverageKeys {

    static final Set<String> KEYS = Set.of("STEPPE_COVERAGE_ZONE", "STEPPE_COVERAGE_RSRP_GOOD", "STEPPE_COVERAGE_RSRP_FAIR",
            "STEPPE_COVERAGE_RSRP_POOR", "STEPPE_COVERAGE_MIN_SINR", "STEPPE_COVERAGE_MIN_RSRQ", "STEPPE_COVERAGE_MIN_DL_MBPS",
            "STEPPE_COVERAGE_MIN_UL_MBPS", "STEPPE_COVERAGE_MAX_PER_DEVICE_DAY", "STEPPE_COVERAGE_MIN_OBSERVATIONS",
            "STEPPE_COVERAGE_MIN_DEVICES", "STEPPE_COVERAGE_MIN_SPAN_HOURS", "STEPPE_COVERAGE_FAIL_SHARE", "STEPPE_COVERAGE_ALPHA",
            "STEPPE_COVERAGE_COVERED_UPPER", "STEPPE_COVERAGE_MIN_BAD_CHILDREN", "STEPPE_COVERAGE_MIN_GAP_CHILDREN", "STEPPE_COVERAGE_VILLAGE_METRES",
            "STEPPE_COVERAGE_AP_METRES", "STEPPE_COVERAGE_FALSE_DISCOVERY_RATE", "STEPPE_COVERAGE_WINDOW_DAYS");

    private CoverageKeys() {
    }

    static CoverageConfig fromValues(Map<String, String> values) {
        CoverageConfig d = CoverageConfig.defaults();
        try {
            CoverageConfig.Signal s = d.signal();
            CoverageConfig.Evidence e = d.evidence();
            CoverageConfig.Ranking r = d.ranking();
            return new CoverageConfig(
                    new CoverageConfig.Signal(whole(values, "STEPPE_COVERAGE_RSRP_GOOD", s.goodRsrp(), -140, -44),
                            whole(values, "STEPPE_COVERAGE_RSRP_FAIR", s.fairRsrp(), -140, -44),
                            whole(values, "STEPPE_COVERAGE_RSRP_POOR", s.poorRsrp(), -140, -44),
                            real(values, "STEPPE_COVERAGE_MIN_SINR", s.minSinr(), -20, 40),
                            real(values, "STEPPE_COVERAGE_MIN_RSRQ", s.minRsrq(), -20, -3),
                            real(values, "STEPPE_COVERAGE_MIN_DL_MBPS", s.minDownMbps(), 0, 10_000),
                            real(values, "STEPPE_COVERAGE_MIN_UL_MBPS", s.minUpMbps(), 0, 10_000)),
                    new CoverageConfig.Evidence(whole(values, "STEPPE_COVERAGE_MAX_PER_DEVICE_DAY", e.maxPerDeviceCellDay(), 1, 24),
                            whole(values, "STEPPE_COVERAGE_MIN_OBSERVATIONS", e.minObservations(), 1, 1000),
                            whole(values, "STEPPE_COVERAGE_MIN_DEVICES", e.minDevices(), 1, 1000),
                            whole(values, "STEPPE_COVERAGE_MIN_SPAN_HOURS", e.minSpanHours(), 0, 24 * 365),
                            real(values, "STEPPE_COVERAGE_FAIL_SHARE", e.failShare(), 0.001, 0.999),
                            real(values, "STEPPE_COVERAGE_ALPHA", e.alpha(), 0.0001, 0.5),
                            real(values, "STEPPE_COVERAGE_FALSE_DISCOVERY_RATE", e.falseDiscoveryRate(), 0.0001, 0.5),
                            real(values, "STEPPE_COVERAGE_COVERED_UPPER", e.coveredUpperBound(), 0.001, 0.999),
                            e.confidenceZ(),
                            whole(values, "STEPPE_COVERAGE_MIN_BAD_CHILDREN", e.minBadChildren(), 1, 7),
                            whole(values, "STEPPE_COVERAGE_MIN_GAP_CHILDREN", e.minGapChildren(), 1, 7),
                            whole(values, "STEPPE_COVERAGE_WINDOW_DAYS", e.windowDays(), 30, 3650)),
                    new CoverageConfig.Ranking(real(values, "STEPPE_COVERAGE_VILLAGE_METRES", r.villageMeters(), 0, 10_000),
                            real(values, "STEPPE_COVERAGE_AP_METRES", r.apMeters(), 0, 10_000), r.scenicWeight(), r.roadKmPerPoint(),
                            r.peoplePerPoint(), r.noneFactor()),
                    zone(values));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private static ZoneId zone(Map<String, String> values) {
        String value = values.get("STEPPE_COVERAGE_ZONE");
        if (value == null || value.isBlank()) {
            return CoverageConfig.defaults().zone();
        }
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new UserError("STEPPE_COVERAGE_ZONE must be a time zone such as Asia/Shanghai, was '" + value + "'");
        }
    }

    private static int whole(Map<String, String> values, String key, int defaultValue, int min, int max) {
        return (int) real(values, key, defaultValue, min, max, true);
    }

    private static double real(Map<String, String> values, String key, double defaultValue, double min, double max) {
        return real(values, key, defaultValue, min, max, false);
    }

    private static double real(Map<String, String> values, String key, double defaultValue, double min, double max, boolean whole) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            double v = Double.parseDouble(value.trim());
            if (v >= min && v <= max && (!whole || v == Math.rint(v))) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        // a conditional of long and double would be a double: "30.0..3650.0" for a whole number
        String range = whole ? (long) min + ".." + (long) max : min + ".." + max;
        throw new UserError(key + " must be a " + (whole ? "whole " : "") + "number " + range + ", was '" + value + "'");
    }
}

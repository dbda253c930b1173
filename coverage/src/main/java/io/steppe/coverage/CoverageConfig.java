package io.steppe.coverage;

import java.time.ZoneId;

/**
 * Every threshold of the coverage method, with the defaults of {@code docs/coverage-method.md}.
 *
 * @param signal      how one sample is classed
 * @param evidence    how samples become observations and when a cell is judged
 * @param ranking     how gap regions are related to places and ranked
 * @param zone        where "hour" and "day" are counted, and the local time of logs without an offset
 */
public record CoverageConfig(Signal signal, Evidence evidence, Ranking ranking, ZoneId zone) {

    /**
     * The sample ladder. RSRP buckets −95/−105/−115 dBm are the ACMA-style planning ladder (also an operator's
     * Android bar configuration); the SINR and RSRQ floors are where Android and vendor tables call the link
     * unusable; 5/1 Mbps is the FCC's minimum 4G cell-edge speed (47 CFR §1.7004(c)(3)).
     */
    public record Signal(int goodRsrp, int fairRsrp, int poorRsrp, double minSinr, double minRsrq,
                         double minDownMbps, double minUpMbps) {
        public Signal {
            if (!(goodRsrp > fairRsrp && fairRsrp > poorRsrp)) {
                throw new IllegalArgumentException("coverage RSRP thresholds must fall: good " + goodRsrp + " > fair "
                        + fairRsrp + " > poor " + poorRsrp);
            }
        }
    }

    /**
     * Evidence rules. An observation is one device × res-9 cell × hour; at most {@code maxPerDeviceCellDay} count
     * per device per res-8 cell per day (Opensignal's "each participant counts equally"). A cell is judged with
     * at least {@code minObservations} from {@code minDevices} devices spanning {@code minSpanHours} (after the
     * FCC's 5 tests, 4 h apart). Gap: bad share significantly above {@code failShare} (one-sided exact binomial,
     * {@code alpha}: the FCC's 90 % cell-edge probability) with bad observations in {@code minBadChildren} res-9
     * children; covered: Wilson upper bound at {@code confidenceZ} at most {@code coveredUpperBound}. A res-7
     * overview cell is a gap when {@code minGapChildren} of its seven res-8 children are (the FCC's roll-up).
     * Thousands of cells tested at {@code alpha} each give false alarms by chance alone, so an operator's cells
     * are judged as a family: a cell is a gap only when it survives the Benjamini–Hochberg procedure at
     * {@code falseDiscoveryRate}, or passes its own test beside a cell that does. Samples older than
     * {@code windowDays} stop counting.
     */
    public record Evidence(int maxPerDeviceCellDay, int minObservations, int minDevices, int minSpanHours,
                           double failShare, double alpha, double falseDiscoveryRate, double coveredUpperBound,
                           double confidenceZ, int minBadChildren, int minGapChildren, int windowDays) {
        public Evidence {
            if (failShare <= 0 || failShare >= 1 || alpha <= 0 || alpha >= 1 || falseDiscoveryRate <= 0 || falseDiscoveryRate >= 1
                    || coveredUpperBound <= 0 || coveredUpperBound >= 1) {
                throw new IllegalArgumentException("coverage shares (fail share, alpha, false discovery rate, covered upper bound)"
                        + " must lie in (0, 1)");
            }
            if (maxPerDeviceCellDay < 1 || minObservations < 1 || minDevices < 1 || minSpanHours < 0 || minBadChildren < 1
                    || minGapChildren < 1 || minGapChildren > 7 || windowDays < 1) {
                throw new IllegalArgumentException("coverage evidence counts must be positive");
            }
        }
    }

    /**
     * Ranking: a village counts when it lies within {@code villageMeters} of the region, an AP within
     * {@code apMeters}. Priority = (villages + scenicWeight·scenic spots + road km / roadKmPerPoint
     * + people / peoplePerPoint) × (noneFactor if severity is none) × confidence, where confidence =
     * min(1, observations / (minObservations · cells)).
     */
    public record Ranking(double villageMeters, double apMeters, double scenicWeight, double roadKmPerPoint,
                          double peoplePerPoint, double noneFactor) {
    }

    public static CoverageConfig defaults() {
        return new CoverageConfig(
                new Signal(-95, -105, -115, 0, -15, 5, 1),
                new Evidence(3, 5, 2, 4, 0.10, 0.05, 0.05, 0.30, 1.96, 2, 4, 365),
                new Ranking(500, 100, 2, 5, 1000, 2),
                ZoneId.of("Asia/Shanghai"));
    }

    /** The same method with another sample window, in days. */
    public CoverageConfig withWindowDays(int days) {
        Evidence e = evidence;
        return new CoverageConfig(signal, new Evidence(e.maxPerDeviceCellDay(), e.minObservations(), e.minDevices(), e.minSpanHours(),
                e.failShare(), e.alpha(), e.falseDiscoveryRate(), e.coveredUpperBound(), e.confidenceZ(), e.minBadChildren(),
                e.minGapChildren(), days), ranking, zone);
    }

    public CoverageConfig withZone(ZoneId newZone) {
        return new CoverageConfig(signal, evidence, ranking, newZone);
    }
}

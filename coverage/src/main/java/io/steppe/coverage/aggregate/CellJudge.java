package io.steppe.coverage.aggregate;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.sample.SampleClass;
import java.util.Arrays;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Judges a cell from its evidence (docs/coverage-method.md §2.5). Too little evidence: {@code unmeasured}.
 * A bad share significantly above the fail share (one-sided exact binomial test): {@code gap}. A Wilson upper
 * bound of the bad share at most the covered bound: {@code covered}. Anything else: {@code uncertain}.
 */
public final class CellJudge {

    /** Critical values are cached up to this many observations; beyond, computed on demand. */
    private static final int CACHED = 1024;

    private final CoverageConfig.Evidence rules;
    private final int[] critical = new int[CACHED + 1];

    public CellJudge(CoverageConfig.Evidence rules) {
        this.rules = rules;
        Arrays.fill(critical, -1);
    }

    /** The outcome: status, and for a gap its severity. */
    public record Verdict(CellStatus status, Severity severity) {
    }

    public Verdict judge(CellEvidence e) {
        if (e.observations() < rules.minObservations() || e.devices() < rules.minDevices() || e.spanHours() < rules.minSpanHours()) {
            return new Verdict(CellStatus.UNMEASURED, null);
        }
        if (e.bad() >= criticalValue(e.observations()) && e.badChildren() >= rules.minBadChildren()) {
            return new Verdict(CellStatus.GAP, e.medianClass() == SampleClass.NONE ? Severity.NONE : Severity.POOR);
        }
        if (wilsonUpper(e.bad(), e.observations()) <= rules.coveredUpperBound()) {
            return new Verdict(CellStatus.COVERED, null);
        }
        return new Verdict(CellStatus.UNCERTAIN, null);
    }

    /**
     * The one-sided p-value of {@code b} bad observations in {@code n}: P(X ≥ b) for X ~ Binomial(n, fail share),
     * computed as P(Y ≤ n − b) for Y ~ Binomial(n, 1 − fail share) so that p-values far below 1e-16 keep their
     * digits (the family's correction compares them with each other).
     */
    public double pValue(int b, int n) {
        if (b <= 0) {
            return 1;
        }
        return new BinomialDistribution(null, n, 1 - rules.failShare()).cumulativeProbability(n - b);
    }

    /** The smallest k with P(X ≥ k) ≤ α for X ~ Binomial(n, fail share). */
    public int criticalValue(int n) {
        if (n <= CACHED && critical[n] >= 0) {
            return critical[n];
        }
        BinomialDistribution x = new BinomialDistribution(null, n, rules.failShare());
        int k = 0;
        while (k <= n && 1.0 - x.cumulativeProbability(k - 1) > rules.alpha()) {
            k++;
        }
        if (n <= CACHED) {
            critical[n] = k;
        }
        return k;
    }

    /** The Wilson score interval's upper bound for b successes in n trials. */
    public double wilsonUpper(int b, int n) {
        double z = rules.confidenceZ();
        double p = (double) b / n;
        double z2 = z * z;
        return (p + z2 / (2 * n) + z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n))) / (1 + z2 / n);
    }
}

package io.steppe.ops.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.steppe.coverage.CoverageMetrics;
import io.steppe.coverage.importer.ImportResult;
import java.util.Optional;

/**
 * Coverage imports and aggregation in Prometheus: 3 import outcomes, 3 kinds of row, 2 kinds of aggregation, all
 * shown from the start.
 */
public final class PrometheusCoverageMetrics implements CoverageMetrics {

    private final Counter imports;
    private final Counter samples;
    private final Histogram aggregation;

    public PrometheusCoverageMetrics(PrometheusRegistry registry) {
        imports = Counter.builder().name("steppe_coverage_imports_total")
                .help("Imports of drive-test samples, by outcome (done; refused: the upload's fault; failed: the database's)")
                .labelNames("outcome").register(registry);
        for (Outcome o : Outcome.values()) {
            imports.labelValues(Labels.of(o));
        }
        samples = Counter.builder().name("steppe_coverage_samples_total")
                .help("Rows of imported samples, by result (added; duplicate: imported before under the same source; rejected)")
                .labelNames("result").register(registry);
        for (String result : new String[] {"added", "duplicate", "rejected"}) {
            samples.labelValues(result);
        }
        aggregation = Histogram.builder().name("steppe_coverage_aggregation_seconds")
                .help("Time to recompute cells and gap regions, after an import (update) or all of them (rebuild)").labelNames("kind")
                .classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300).register(registry);
        for (Aggregation a : Aggregation.values()) {
            aggregation.labelValues(Labels.of(a));
        }
    }

    @Override
    public void imported(Outcome outcome, Optional<ImportResult> result) {
        imports.labelValues(Labels.of(outcome)).inc();
        result.ifPresent(r -> {
            samples.labelValues("added").inc(r.added());
            samples.labelValues("duplicate").inc(r.duplicates());
            samples.labelValues("rejected").inc(r.rejected());
        });
    }

    @Override
    public void aggregated(Aggregation kind, double seconds) {
        aggregation.labelValues(Labels.of(kind)).observe(seconds);
    }
}

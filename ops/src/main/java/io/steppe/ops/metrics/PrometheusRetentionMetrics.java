package io.steppe.ops.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.steppe.db.retention.RetainedTable;
import io.steppe.db.retention.RetentionMetrics;

/** Retention's figures in Prometheus: one series per retained table (five). */
public final class PrometheusRetentionMetrics implements RetentionMetrics {

    private final Counter dropped;

    public PrometheusRetentionMetrics(PrometheusRegistry registry) {
        dropped = Counter.builder().name("steppe_retention_partitions_dropped_total")
                .help("Monthly partitions dropped whole once all of them was older than STEPPE_RETENTION_DAYS, by table")
                .labelNames("table").register(registry);
        // at 0 from the start, so that an alert on a table that never drops anything has a series to look at
        RetainedTable.ALL.forEach(t -> dropped.labelValues(t.name()));
    }

    @Override
    public void partitionDropped(String table) {
        dropped.labelValues(table).inc();
    }
}

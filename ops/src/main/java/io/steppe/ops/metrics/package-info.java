/**
 * Prometheus metrics (the maintained 1.x client, {@code io.prometheus:prometheus-metrics-*}): one registry
 * per running Steppe, JVM and database-pool figures, and the text exposition served on {@code /metrics}.
 */
package io.steppe.ops.metrics;

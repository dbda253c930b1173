package io.steppe.ops.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.steppe.db.cluster.NodeRegistry;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes sharing the database, as this node sees them: how many reported lately (read from the database when
 * scraped, so a node that stopped drops out of every other node's figure) and whether this one holds the once-only work.
 */
public final class PrometheusClusterMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusClusterMetrics.class);

    private PrometheusClusterMetrics() {
    }

    public static void register(PrometheusRegistry registry, NodeRegistry nodes, BooleanSupplier holdsSingletons) {
        GaugeWithCallback.builder().name("steppe_cluster_nodes")
                .help("Nodes that reported to the shared database in the last minute (absent while the database does not answer)")
                .callback(cb -> {
                    try {
                        cb.call(nodes.nodes().size());
                    } catch (RuntimeException e) {
                        LOG.debug("the nodes could not be read for /metrics: {}", e.toString());
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("steppe_cluster_singletons_held")
                .help("1 while this node does the once-only work (stale sessions, quotas, AP health and alerts), else 0")
                .callback(cb -> cb.call(holdsSingletons.getAsBoolean() ? 1 : 0)).register(registry);
    }
}

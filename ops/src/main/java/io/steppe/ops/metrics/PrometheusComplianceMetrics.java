package io.steppe.ops.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.steppe.db.AuditLog;
import io.steppe.ops.compliance.AccessLog;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code steppe_compliance_exports_total{via="cli|api"}}: real-name access-log exports, counted from the audit log
 * at scrape time, so that an export made by a command (another process) counts as well as one through the API, and
 * every node of a cluster reports the same total. One indexed count a scrape; 2 series.
 */
public final class PrometheusComplianceMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusComplianceMetrics.class);

    private PrometheusComplianceMetrics() {
    }

    public static void register(PrometheusRegistry registry, DSLContext dsl) {
        CounterWithCallback.builder().name("steppe_compliance_exports_total")
                .help("Real-name access-log exports recorded in the audit log, by how they were asked for (cli, api)").labelNames("via")
                .callback(cb -> {
                    Map<String, Long> counts;
                    try {
                        counts = AuditLog.countBy(dsl, AccessLog.ACTION, "via");
                    } catch (DataAccessException e) {
                        // with the database away the series are left out of this scrape; /health says why
                        LOG.debug("cannot count exports: {}", e.getMessage());
                        return;
                    }
                    for (AccessLog.Via via : AccessLog.Via.values()) {
                        cb.call(counts.getOrDefault(via.label(), 0L), via.label());
                    }
                }).register(registry);
    }
}

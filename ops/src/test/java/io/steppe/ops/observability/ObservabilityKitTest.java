package io.steppe.ops.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metric names read from PromQL are the names and only the names, so a misspelt one cannot hide. */
class ObservabilityKitTest {

    @Test
    void namesAreReadAsWrittenAndNothingElse() {
        assertEquals(Set.of("steppe_radius_latency_seconds_bucket"), ObservabilityKit.metricNames(
                "histogram_quantile(0.99, sum by (kind, le) (rate(steppe_radius_latency_seconds_bucket{instance=~\"$instance\",kind=\"auth\"}[$__rate_interval])))"));
        assertEquals(Set.of("steppe_radius_requests_total", "steppe_radius_answers_total"), ObservabilityKit.metricNames(
                "sum by (instance) (rate(steppe_radius_requests_total{kind=\"auth\"}[5m])) > 0\n"
                        + "unless sum by (instance) (rate(steppe_radius_answers_total{result=~\"accept|reject\"}[5m])) > 0"));
        assertEquals(Set.of("up", "steppe_cluster_nodes"), ObservabilityKit.metricNames("up{job=\"steppe\"} == 1 unless on (instance) steppe_cluster_nodes"));
        assertEquals(Set.of("steppe_tls_certificate_expiry_timestamp_seconds"), ObservabilityKit.metricNames(
                "min by (instance) (steppe_tls_certificate_expiry_timestamp_seconds) - time() < 14 * 86400 + 1e3"));
        assertEquals(Set.of("steppe_cluster_singletons_held"), ObservabilityKit.metricNames("label_values(steppe_cluster_singletons_held, instance)"));
        assertEquals(Set.of("steppe_sms_sent_totl"), ObservabilityKit.metricNames("sum(increase(steppe_sms_sent_totl[1h] offset 1d))"));
    }

    @Test
    void everyRuleAndPanelIsRead() {
        assertTrue(ObservabilityKit.ruleExpressions().size() >= 20, "alert rules: " + ObservabilityKit.ruleExpressions().size());
        ObservabilityKit.ruleExpressions().forEach(q -> assertEquals(false, ObservabilityKit.metricNames(q.expr()).isEmpty(), q.toString()));
        ObservabilityKit.dashboardQueries().forEach(q -> assertEquals(false, ObservabilityKit.metricNames(q.expr()).isEmpty(), q.toString()));
    }
}

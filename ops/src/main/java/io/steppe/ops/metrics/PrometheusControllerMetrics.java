package io.steppe.ops.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.steppe.controller.ControllerService;
import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.health.ApState;
import io.steppe.controller.heartbeat.HeartbeatField;
import io.steppe.controller.heartbeat.HeartbeatRejected;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The AP controller's figures in Prometheus, read from the controller at scrape time. Cardinality: 5 series for
 * {@code steppe_aps}; sites × 5 for {@code steppe_aps_by_site}; 5 reasons for rejects; 20 fields (the ones Steppe
 * reads and {@code unknown}) for values left out of heartbeats; and one
 * {@code steppe_ap_clients} and one {@code steppe_ap_state} series per AP, for at most {@code perApMetricsLimit}
 * APs (25,000 by default; above it the per-AP series are left out and the aggregates remain).
 */
public final class PrometheusControllerMetrics {

    private PrometheusControllerMetrics() {
    }

    public static void register(PrometheusRegistry registry, ControllerService controller) {
        CounterWithCallback.builder().name("steppe_ap_heartbeats_total").help("Heartbeats accepted and committed")
                .callback(cb -> cb.call(controller.counters().accepted())).register(registry);
        CounterWithCallback.builder().name("steppe_ap_heartbeat_batches_total").help("Transactions the heartbeats were committed in")
                .callback(cb -> cb.call(controller.counters().batches())).register(registry);
        CounterWithCallback.builder().name("steppe_ap_heartbeat_rejects_total")
                .help("Heartbeats refused, by reason (unauthorized, malformed, clock_skew, too_large, overloaded)").labelNames("reason")
                .callback(cb -> {
                    for (HeartbeatRejected.Kind kind : HeartbeatRejected.Kind.values()) {
                        cb.call(controller.counters().rejected(kind), kind.label());
                    }
                }).register(registry);
        CounterWithCallback.builder().name("steppe_ap_heartbeat_fields_ignored_total")
                .help("Values left out of heartbeats that were taken in (unknown, malformed or out of range), by field").labelNames("field")
                .callback(cb -> {
                    for (HeartbeatField field : HeartbeatField.values()) {
                        cb.call(controller.counters().ignored(field), field.label());
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("steppe_aps").help("APs by state").labelNames("state")
                .callback(cb -> {
                    Map<ApState, Integer> counts = new EnumMap<>(ApState.class);
                    for (ApState s : ApState.values()) {
                        counts.put(s, 0);
                    }
                    controller.evaluator().snapshot().values().forEach(a -> counts.merge(a.state(), 1, Integer::sum));
                    counts.forEach((s, n) -> cb.call(n, s.name()));
                }).register(registry);
        GaugeWithCallback.builder().name("steppe_aps_by_site").help("APs by site and state (sites with APs only)")
                .labelNames("site", "state")
                .callback(cb -> {
                    Map<String, Integer> counts = new HashMap<>();
                    controller.evaluator().snapshot().values()
                            .forEach(a -> counts.merge(a.ap().site().orElse("") + "\u0000" + a.state().name(), 1, Integer::sum));
                    counts.forEach((k, n) -> cb.call(n, k.substring(0, k.indexOf('\u0000')), k.substring(k.indexOf('\u0000') + 1)));
                }).register(registry);
        GaugeWithCallback.builder().name("steppe_ap_clients").help("Clients an AP reported in its last heartbeat").labelNames("ap")
                .callback(cb -> perAp(controller, a -> a.latest().ifPresent(r -> r.heartbeat().clients().ifPresent(c -> cb.call(c, a.ap().id())))))
                .register(registry);
        GaugeWithCallback.builder().name("steppe_ap_state")
                .help("An AP's state as a number: 0 UNKNOWN, 1 UP, 2 DEGRADED, 3 UNREACHABLE, 4 DOWN").labelNames("ap")
                .callback(cb -> perAp(controller, a -> cb.call(a.state().ordinal(), a.ap().id()))).register(registry);
        GaugeWithCallback.builder().name("steppe_ap_alerts_open").help("Open AP alerts, by scope (ap, gateway, site)").labelNames("scope")
                .callback(cb -> {
                    Map<String, Integer> counts = new HashMap<>(Map.of("ap", 0, "gateway", 0, "site", 0));
                    controller.evaluator().alerts().openAlerts().forEach(a -> counts.merge(a.scope().toLowerCase(Locale.ROOT), 1, Integer::sum));
                    counts.forEach((s, n) -> cb.call(n, s));
                }).register(registry);
    }

    private static void perAp(ControllerService controller, java.util.function.Consumer<ApSnapshot> each) {
        Map<String, ApSnapshot> snapshot = controller.evaluator().snapshot();
        if (snapshot.size() <= controller.settings().perApMetricsLimit()) {
            snapshot.values().forEach(each);
        }
    }
}

package io.steppe.ops.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.steppe.portal.ac.PortalCounters;
import io.steppe.portal.ac.PortalServer;
import java.util.Locale;
import java.util.function.ToLongFunction;

/** The Portal protocol's figures in Prometheus, read at scrape time: 6 outcomes of logins and of logouts, 4 drop reasons. */
public final class PrometheusPortalMetrics {

    private PrometheusPortalMetrics() {
    }

    public static void register(PrometheusRegistry registry, PortalCounters counters) {
        byOutcome(registry, "steppe_portal_protocol_logins_total", "Logins through access controllers (Portal protocol), by outcome",
                counters::logins);
        byOutcome(registry, "steppe_portal_protocol_logouts_total", "REQ_LOGOUT sent to access controllers, by outcome", counters::logouts);
        CounterWithCallback.builder().name("steppe_portal_protocol_dropped_total")
                .help("Portal protocol packets dropped, by reason (malformed, unknown_source, not_authentic, unexpected)").labelNames("reason")
                .callback(cb -> {
                    for (PortalServer.Drop d : PortalServer.Drop.values()) {
                        cb.call(counters.dropped(d), d.name().toLowerCase(Locale.ROOT));
                    }
                }).register(registry);
        CounterWithCallback.builder().name("steppe_portal_protocol_logout_notices_total")
                .help("NTF_LOGOUT from access controllers, answered and acted on").callback(cb -> cb.call(counters.logoutNotices()))
                .register(registry);
        CounterWithCallback.builder().name("steppe_portal_protocol_repeats_answered_total")
                .help("Packets access controllers sent again, answered again without acting twice").callback(cb -> cb.call(counters.repeatedAnswered()))
                .register(registry);
    }

    private static void byOutcome(PrometheusRegistry registry, String name, String help, ToLongFunction<PortalServer.Outcome> count) {
        CounterWithCallback.builder().name(name).help(help).labelNames("outcome")
                .callback(cb -> {
                    for (PortalServer.Outcome o : PortalServer.Outcome.values()) {
                        cb.call(count.applyAsLong(o), o.name().toLowerCase(Locale.ROOT));
                    }
                }).register(registry);
    }
}

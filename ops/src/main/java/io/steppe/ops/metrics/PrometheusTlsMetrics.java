package io.steppe.ops.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Instant;
import java.util.function.Supplier;

/** When the certificate the HTTPS listeners serve expires, so that an alert can ask for its renewal in time. */
public final class PrometheusTlsMetrics {

    private PrometheusTlsMetrics() {
    }

    /** @param expiry when the first certificate of the served chain expires; read at every scrape, so a reload shows */
    public static void register(PrometheusRegistry registry, Supplier<Instant> expiry) {
        GaugeWithCallback.builder().name("steppe_tls_certificate_expiry_timestamp_seconds")
                .help("When the earliest-expiring certificate of the chain the HTTPS listeners serve expires, as Unix time")
                .callback(cb -> cb.call(expiry.get().getEpochSecond())).register(registry);
    }
}

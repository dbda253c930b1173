package io.steppe.ops.metrics;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The metrics of one running Steppe. Each instance has its own registry (never the global default), so
 * two instances in one JVM, as in tests, do not mix their figures.
 */
public final class SteppeMetrics {

    /** The content type of the Prometheus text format, version 0.0.4. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private static final Set<String> HTTP_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS",
            "TRACE", "CONNECT");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter httpRequests;
    private final Histogram httpDuration;

    public SteppeMetrics() {
        JvmMetrics.builder().register(registry);
        httpRequests = Counter.builder()
                .name("steppe_http_requests_total")
                .help("HTTP requests answered, by listener, method, route template and status code")
                .labelNames("listener", "method", "route", "status")
                .register(registry);
        httpDuration = Histogram.builder()
                .name("steppe_http_request_duration_seconds")
                .help("Time to answer an HTTP request, by listener")
                .labelNames("listener")
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
                .register(registry);
    }

    /** Exposes the database pool's connections by state, its size limit and the requests waiting for a connection. */
    public void registerPool(Supplier<HikariPoolMXBean> pool, int maxConnections) {
        GaugeWithCallback.builder()
                .name("steppe_db_pool_max_connections")
                .help("The most connections the database pool opens")
                .callback(cb -> cb.call(maxConnections))
                .register(registry);
        GaugeWithCallback.builder()
                .name("steppe_db_pool_connections")
                .help("Database pool connections by state")
                .labelNames("state")
                .callback(cb -> {
                    HikariPoolMXBean p = pool.get();
                    if (p != null) {
                        cb.call(p.getActiveConnections(), "active");
                        cb.call(p.getIdleConnections(), "idle");
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("steppe_db_pool_pending_threads")
                .help("Threads waiting for a database connection")
                .callback(cb -> {
                    HikariPoolMXBean p = pool.get();
                    if (p != null) {
                        cb.call(p.getThreadsAwaitingConnection());
                    }
                })
                .register(registry);
    }

    /**
     * Counts one answered HTTP request; {@code route} is a template such as {@code /api/aps/{id}}, never a raw path.
     * The method and status are labels only from fixed sets (HTTP's own methods, else {@code OTHER}; a status code,
     * else {@code other}), since anyone who reaches a listener chooses what to send.
     */
    public void httpRequest(String listener, String method, String route, int status, double seconds) {
        String methodLabel = HTTP_METHODS.contains(method) ? method : "OTHER";
        String statusLabel = status >= 100 && status <= 599 ? Integer.toString(status) : "other";
        httpRequests.labelValues(listener, methodLabel, route, statusLabel).inc();
        httpDuration.labelValues(listener).observe(seconds);
    }

    /** The registry modules register their own metrics with. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** Everything, in the Prometheus text format. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

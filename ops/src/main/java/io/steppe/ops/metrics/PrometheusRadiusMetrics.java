package io.steppe.ops.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.steppe.radius.RadiusMetrics;
import io.steppe.radius.coa.CoaResult;
import io.steppe.radius.coa.SessionTerminator;
import io.steppe.radius.packet.AccountingWarning;
import io.steppe.radius.packet.DropReason;
import java.util.function.IntSupplier;

/**
 * The RADIUS server's figures in Prometheus. Labels are bounded: the gateway's name (as many as there are
 * registered gateways, plus {@code unknown}), the request kind, the drop reason, the accounting warning and, for ended
 * sessions, why and what the gateway answered (3 × 3 series, all shown from the start).
 */
public final class PrometheusRadiusMetrics implements RadiusMetrics {

    private final PrometheusRegistry registry;
    private final Counter requests;
    private final Counter answers;
    private final Counter drops;
    private final Counter warnings;
    private final Counter decisions;
    private final Histogram latency;
    private final Histogram batch;
    private final Counter disconnects;

    public PrometheusRadiusMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        requests = Counter.builder().name("steppe_radius_requests_total")
                .help("RADIUS requests received from registered gateways, by kind").labelNames("kind", "nas").register(registry);
        answers = Counter.builder().name("steppe_radius_answers_total")
                .help("Access-Accept, Access-Reject and retransmissions answered from the cache, by gateway")
                .labelNames("result", "nas").register(registry);
        drops = Counter.builder().name("steppe_radius_dropped_total")
                .help("Datagrams dropped without an answer, by reason").labelNames("reason", "nas").register(registry);
        warnings = Counter.builder().name("steppe_radius_accounting_warnings_total")
                .help("Values of accounting records not stored as sent (implausible counters, fields that are not text), by kind")
                .labelNames("warning", "nas").register(registry);
        decisions = Counter.builder().name("steppe_radius_auth_decisions_total")
                .help("Access-Requests decided from memory (a device coming back) or through the database (first logins, writes)")
                .labelNames("source").register(registry);
        latency = Histogram.builder().name("steppe_radius_latency_seconds")
                .help("Time from request to reply, by kind").labelNames("kind")
                .classicUpperBounds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1).register(registry);
        batch = Histogram.builder().name("steppe_radius_accounting_batch_size")
                .help("Accounting records committed in one transaction")
                .classicUpperBounds(1, 2, 5, 10, 25, 50, 100, 250, 500, 1000).register(registry);
        disconnects = Counter.builder().name("steppe_radius_disconnects_total")
                .help("Requests to gateways to end a session (Disconnect-Request, or REQ_LOGOUT to an access controller), by why and what the"
                        + " gateway answered (ack, nak, timeout)")
                .labelNames("reason", "result").register(registry);
        for (SessionTerminator.Reason reason : SessionTerminator.Reason.values()) {
            for (CoaResult.Outcome outcome : CoaResult.Outcome.values()) {
                disconnects.labelValues(Labels.of(reason), Labels.of(outcome));
            }
        }
    }

    @Override
    public void received(Kind kind, String nas) {
        requests.labelValues(label(kind), nas).inc();
    }

    @Override
    public void accepted(String nas) {
        answers.labelValues("accept", nas).inc();
    }

    @Override
    public void rejected(String nas) {
        answers.labelValues("reject", nas).inc();
    }

    @Override
    public void decided(boolean fromMemory) {
        decisions.labelValues(fromMemory ? "memory" : "database").inc();
    }

    @Override
    public void duplicateAnswered(String nas) {
        answers.labelValues("duplicate", nas).inc();
    }

    @Override
    public void dropped(DropReason reason, String nas) {
        drops.labelValues(reason.label(), nas).inc();
    }

    @Override
    public void latency(Kind kind, double seconds) {
        latency.labelValues(label(kind)).observe(seconds);
    }

    @Override
    public void accountingWarning(AccountingWarning warning, String nas) {
        warnings.labelValues(warning.label(), nas).inc();
    }

    @Override
    public void accountingBatch(int size) {
        batch.observe(size);
    }

    @Override
    public void disconnected(SessionTerminator.Reason reason, CoaResult.Outcome outcome) {
        disconnects.labelValues(Labels.of(reason), Labels.of(outcome)).inc();
    }

    @Override
    public void inFlight(IntSupplier inFlight, IntSupplier queued) {
        GaugeWithCallback.builder().name("steppe_radius_in_flight")
                .help("Authentication requests being worked on or waiting for a worker")
                .callback(cb -> cb.call(inFlight.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("steppe_radius_queued")
                .help("Requests waiting for the database (authentication workers and the accounting writer)")
                .callback(cb -> cb.call(queued.getAsInt())).register(registry);
    }

    private static String label(Kind kind) {
        return Labels.of(kind);
    }
}

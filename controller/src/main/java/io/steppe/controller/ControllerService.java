package io.steppe.controller;

import io.micronaut.json.JsonMapper;
import io.steppe.controller.alert.AlertManager;
import io.steppe.controller.alert.AlertNotifier;
import io.steppe.controller.alert.AlertStore;
import io.steppe.controller.alert.WebhookNotifier;
import io.steppe.controller.ap.ApRepository;
import io.steppe.controller.health.HealthEvaluator;
import io.steppe.controller.heartbeat.ApTokens;
import io.steppe.controller.heartbeat.HeartbeatCounters;
import io.steppe.controller.heartbeat.HeartbeatParser;
import io.steppe.controller.heartbeat.HeartbeatWriter;
import io.steppe.controller.history.HistoryStore;
import io.steppe.controller.probe.ProbePolicy;
import io.steppe.controller.probe.TcpProber;
import io.steppe.controller.radius.RadiusView;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AP controller, wired: heartbeat intake (tokens, parser, group-commit writer), the periodic health evaluation
 * with probes and the RADIUS view, alerts with their notifiers, and history ageing. One instance per Steppe; the
 * web controllers of this module take it as their bean.
 */
public final class ControllerService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerService.class);
    private static final Duration AGE_EVERY = Duration.ofMinutes(5);
    /** Heartbeats gathered into one transaction: about 30 of them at 20,000 APs reporting every 30 s. */
    private static final Duration WRITE_LINGER = Duration.ofMillis(50);

    private final ControllerConfig settings;
    private final Clock clock;
    private final ApRepository aps;
    private final ApTokens tokens;
    private final HeartbeatCounters counters = new HeartbeatCounters();
    private final HeartbeatParser parser;
    private final HeartbeatWriter writer;
    private final HealthEvaluator evaluator;
    private final AlertStore alertStore;
    private final HistoryStore history;
    private final RadiusView radius;
    private final Optional<TcpProber> prober;
    private final Optional<WebhookNotifier> webhook;
    private final BooleanSupplier leading;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "steppe-ap-health");
        t.setDaemon(true);
        return t;
    });

    /** A controller that is the only one on its database. */
    public ControllerService(DSLContext dsl, ApRepository aps, ControllerConfig settings, Clock clock, LongSupplier nanoTime) {
        this(dsl, aps, settings, clock, nanoTime, () -> true);
    }

    /**
     * @param nanoTime a monotonic ticker ({@code System::nanoTime} in production) for intervals, beside the wall clock
     * @param leading  whether this node judges the APs and raises alerts now, among the nodes sharing the database
     */
    public ControllerService(DSLContext dsl, ApRepository aps, ControllerConfig settings, Clock clock, LongSupplier nanoTime,
                             BooleanSupplier leading) {
        this.settings = settings;
        this.clock = clock;
        this.aps = aps;
        this.tokens = new ApTokens(aps, nanoTime);
        JsonMapper json = JsonMapper.createDefault();
        this.parser = new HeartbeatParser(json, settings.maxClockSkew());
        this.alertStore = new AlertStore(dsl);
        this.history = new HistoryStore(dsl, settings.retention());
        this.radius = new RadiusView(dsl);
        this.prober = settings.probes().scope() == ProbePolicy.Scope.OFF ? Optional.empty() : Optional.of(new TcpProber(settings.probes()));
        this.webhook = settings.webhook().map(url -> new WebhookNotifier(url, json, settings.webhookAttempts(), settings.webhookBackoff()));
        List<AlertNotifier> notifiers = new ArrayList<>(List.of(AlertManager.log()));
        webhook.ifPresent(notifiers::add);
        this.evaluator = new HealthEvaluator(dsl, aps, settings.rules(), clock, nanoTime, new AlertManager(alertStore, settings.alerts(), notifiers),
                prober, radius, leading);
        this.leading = leading;
        this.writer = new HeartbeatWriter(dsl, counters, evaluator::heartbeat, 2_000, 50_000, WRITE_LINGER, nanoTime);
    }

    /** Starts the periodic evaluation and history ageing (unless {@code evaluateEvery} is zero). */
    public ControllerService start() {
        if (!settings.evaluateEvery().isZero()) {
            long every = settings.evaluateEvery().toMillis();
            scheduler.scheduleWithFixedDelay(() -> guarded("evaluation", evaluator::evaluate), 0, every, TimeUnit.MILLISECONDS);
            scheduler.scheduleWithFixedDelay(() -> guarded("history ageing", () -> {
                if (leading.getAsBoolean()) {
                    history.age(clock.instant());
                }
            }), AGE_EVERY.toMillis(), AGE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("AP {} failed this time: {}", what, e.toString());
        }
    }

    public ControllerConfig settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public ApRepository aps() {
        return aps;
    }

    public ApTokens tokens() {
        return tokens;
    }

    public HeartbeatParser parser() {
        return parser;
    }

    public HeartbeatWriter writer() {
        return writer;
    }

    public HeartbeatCounters counters() {
        return counters;
    }

    public HealthEvaluator evaluator() {
        return evaluator;
    }

    public AlertStore alertStore() {
        return alertStore;
    }

    public HistoryStore history() {
        return history;
    }

    public RadiusView radius() {
        return radius;
    }

    public Optional<WebhookNotifier> webhook() {
        return webhook;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        writer.close();
        prober.ifPresent(TcpProber::close);
        webhook.ifPresent(WebhookNotifier::close);
    }
}

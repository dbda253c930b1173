package io.steppe.controller.health;

import io.steppe.controller.alert.AlertManager;
import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApRepository;
import io.steppe.controller.heartbeat.HeartbeatWriter.Received;
import io.steppe.controller.probe.TcpProber;
import io.steppe.controller.radius.RadiusView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges every AP on each {@link #evaluate} (run every few seconds by the controller): the latest committed
 * heartbeat, a probe for APs that fell silent, and RADIUS sessions through them go into the {@link HealthJudge};
 * {@link ApHealth} decides what changes; changes are written in one transaction and handed to the alerts.
 * Heartbeats arrive through {@link #heartbeat} from the writer's thread; everything else runs on one thread.
 *
 * <p>Among nodes sharing the database, only the one that leads judges, writes states and opens alerts; an AP's
 * heartbeats may go to any node, so each evaluation first reads those the others committed. The other nodes show
 * the states and alerts as the leader committed them. A node that starts or stops leading starts again from what
 * is committed.
 */
public final class HealthEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(HealthEvaluator.class);
    private static final Duration INVENTORY_EVERY = Duration.ofSeconds(10);
    private static final Duration RADIUS_EVERY = Duration.ofSeconds(10);
    /** How far before the last read another node's heartbeat may have been received and committed only since. */
    private static final Duration COMMIT_LAG = Duration.ofSeconds(10);
    private static final int MAX_UNSAVED = 100_000;

    /** One AP as the evaluator follows it; the last judgement of a heartbeat's figures is kept until the next heartbeat. */
    private static final class Tracked {
        final AccessPoint ap;
        final ApHealth health;
        final String mac;
        Received judgedFrom;
        Condition judged;
        ApSnapshot shown;

        Tracked(AccessPoint ap, ApHealth health) {
            this.ap = ap;
            this.health = health;
            this.mac = ap.mac().toString();
        }

        AccessPoint ap() {
            return ap;
        }

        ApHealth health() {
            return health;
        }
    }

    private record ProbeResult(boolean answered, Instant at) {
    }

    private final ApRepository inventory;
    private final StatusStore store;
    private final HealthRules rules;
    private final HealthJudge judge;
    private final Clock clock;
    /** Paces the wait for probes; a ticker rather than the clock so a clock step cannot stretch it. */
    private final LongSupplier nanoTime;
    private final AlertManager alerts;
    private final Optional<TcpProber> prober;
    private final RadiusView radius;
    private final Map<String, Received> latest = new ConcurrentHashMap<>();
    private final Map<String, Tracked> tracked = new LinkedHashMap<>();
    private final Map<String, ProbeResult> probes = new HashMap<>();
    /** Changes a failed save left behind, saved first next time; in their order, so history keeps it. */
    private final List<StatusStore.Change> unsaved = new ArrayList<>();
    private Map<String, RadiusView.Usage> usage = Map.of();
    private Instant inventoryAt = Instant.MIN;
    private Instant radiusAt = Instant.MIN;
    private volatile Map<String, ApSnapshot> snapshot = Map.of();
    private boolean alertsStale = true;
    private final BooleanSupplier leading;
    private boolean led = true;
    private Instant heardUpTo;

    /** @param leading whether this node judges the APs now (one node at a time among those sharing the database) */
    public HealthEvaluator(org.jooq.DSLContext dsl, ApRepository inventory, HealthRules rules, Clock clock, LongSupplier nanoTime,
                           AlertManager alerts, Optional<TcpProber> prober, RadiusView radius, BooleanSupplier leading) {
        this.leading = leading;
        this.inventory = inventory;
        this.store = new StatusStore(dsl);
        this.rules = rules;
        this.judge = new HealthJudge(rules, clock.instant());
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.alerts = alerts;
        this.prober = prober;
        this.radius = radius;
        heardUpTo = clock.instant();
        Map<String, Received> recent = store.recentHeartbeats(heardUpTo, Duration.ofMinutes(10));
        latest.putAll(recent);
    }

    /** A heartbeat that has been committed. */
    public void heartbeat(Received received) {
        latest.merge(received.apId(), received, (old, now) -> now.receivedAt().isAfter(old.receivedAt()) ? now : old);
    }

    /** Every AP as of the last evaluation, by id in id order. */
    public Map<String, ApSnapshot> snapshot() {
        return snapshot;
    }

    public AlertManager alerts() {
        return alerts;
    }

    /** One evaluation of every AP. */
    public synchronized void evaluate() {
        Instant now = clock.instant();
        boolean leads = leading.getAsBoolean();
        if (leads != led) {
            // Took the work over from another node, or handed it on: start again from what is committed.
            tracked.clear();
            unsaved.clear();
            inventoryAt = Instant.MIN;
            alertsStale = true;
            led = leads;
            LOG.info(leads ? "This node now judges the APs" : "Another node now judges the APs; this one shows what it commits");
        }
        hearOtherNodes(now);
        if (Duration.between(inventoryAt, now).compareTo(INVENTORY_EVERY) >= 0 || inventoryAt.isAfter(now)) {
            reloadInventory();
            inventoryAt = now;
        }
        if (Duration.between(radiusAt, now).compareTo(RADIUS_EVERY) >= 0 || radiusAt.isAfter(now)) {
            try {
                usage = radius.byAp();
            } catch (RuntimeException e) {
                LOG.warn("RADIUS sessions not read this time: {}", e.getMessage());
            }
            radiusAt = now;
        }
        if (!leads) {
            follow();
            return;
        }
        if (alertsStale) {
            alerts.reload();
        }
        probeSilent(now);
        boolean alertsAffected = inventoryAt.equals(now);
        List<StatusStore.Change> changes = new ArrayList<>();
        Map<String, ApSnapshot> next = new LinkedHashMap<>(tracked.size() * 2);
        for (Tracked t : tracked.values()) {
            String id = t.ap().id();
            Received heard = latest.get(id);
            Optional<Received> last = Optional.ofNullable(heard);
            RadiusView.Usage users = usage.isEmpty() ? RadiusView.Usage.NONE : usage.getOrDefault(t.mac, RadiusView.Usage.NONE);
            ProbeResult probe = probes.get(id);
            int flapsBefore = t.health().flaps();
            Condition conditionBefore = t.health().condition();
            // An AP known from before a restart but silent since keeps its stored state until it is heard from.
            if (last.isPresent() || t.health().condition().state() == ApState.UNKNOWN) {
                Condition judged;
                if (heard != null && heard == t.judgedFrom && !judge.silent(heard, now)) {
                    judged = t.judged;
                } else {
                    judged = judge.judge(last, now, probeOutcome(probe, last), users.users());
                    t.judgedFrom = heard;
                    t.judged = judged;
                }
                Optional<ApHealth.Transition> change = t.health().observe(judged, now, rules);
                // new figures within the same state are saved too: every node shows the reasons the leader judged
                if (change.isPresent() || t.health().flaps() != flapsBefore || !t.health().condition().equals(conditionBefore)) {
                    changes.add(new StatusStore.Change(id, change, t.health().condition(), t.health().since(), t.health().flaps()));
                }
                change.filter(c -> c.from() != ApState.UNKNOWN)
                        .ifPresent(c -> LOG.info("AP {} {} -> {}: {}", id, c.from(), c.to().state(), c.to().reasons()));
            }
            ApSnapshot before = t.shown;
            Optional<Boolean> answered = Optional.ofNullable(probe).map(ProbeResult::answered);
            if (before == null || before.ap() != t.ap() || !before.condition().equals(t.health().condition())
                    || before.incidentFlaps() != t.health().incidentFlaps() || before.flaps() != t.health().flaps()
                    || before.latest().orElse(null) != heard || !before.usage().equals(users) || !before.probe().equals(answered)) {
                alertsAffected |= before == null || before.ap() != t.ap() || !before.condition().equals(t.health().condition())
                        || before.flaps() != t.health().flaps();
                t.shown = new ApSnapshot(t.ap(), t.health().condition(), t.health().since(), t.health().flaps(),
                        t.health().incidentFlaps(), last, users, answered);
            }
            next.put(id, t.shown);
        }
        unsaved.addAll(changes);
        if (unsaved.size() > MAX_UNSAVED) {
            LOG.warn("{} unsaved state change(s) dropped: the database has been failing for long", unsaved.size() - MAX_UNSAVED);
            unsaved.subList(0, unsaved.size() - MAX_UNSAVED).clear();
        }
        try {
            store.save(unsaved);
            unsaved.clear();
        } catch (RuntimeException e) {
            // kept for the next evaluation, so that the history never lacks a change the pages show
            LOG.warn("{} state change(s) not saved yet: {}", unsaved.size(), e.getMessage());
        }
        snapshot = Collections.unmodifiableMap(next);
        try {
            // Alerts follow from states, reasons and flaps alone: with none of them changed, only a group wait can end.
            if (alertsAffected || alertsStale || alerts.waitingToOpen()) {
                alerts.reconcile(next.values(), now);
                alertsStale = false;
            }
        } catch (RuntimeException e) {
            alertsStale = true;
            LOG.warn("Alerts not updated this time: {}", e.getMessage());
        }
    }

    /** The heartbeats other nodes committed since the last look (this node's own arrive through {@link #heartbeat}). */
    private void hearOtherNodes(Instant now) {
        try {
            store.recentHeartbeats(now, Duration.between(heardUpTo, now).plus(COMMIT_LAG)).values().forEach(this::heartbeat);
            heardUpTo = now;
        } catch (RuntimeException e) {
            LOG.warn("Other nodes' heartbeats not read this time: {}", e.getMessage());
        }
    }

    /** Shows the states and alerts the leading node committed, judging nothing. */
    private void follow() {
        Map<String, StatusStore.Stored> stored;
        try {
            stored = store.load();
            alerts.reload();
        } catch (RuntimeException e) {
            LOG.warn("Committed AP states not read this time: {}", e.getMessage());
            return;
        }
        Map<String, ApSnapshot> next = new LinkedHashMap<>(tracked.size() * 2);
        for (Tracked t : tracked.values()) {
            String id = t.ap().id();
            StatusStore.Stored s = stored.get(id);
            RadiusView.Usage users = usage.getOrDefault(t.mac, RadiusView.Usage.NONE);
            next.put(id, s == null
                    ? new ApSnapshot(t.ap(), Condition.NEVER_SEEN, t.health().since(), 0, 0, Optional.ofNullable(latest.get(id)), users, Optional.empty())
                    : new ApSnapshot(t.ap(), s.condition(), s.since(), s.flaps(), 0, Optional.ofNullable(latest.get(id)), users, Optional.empty()));
        }
        snapshot = Collections.unmodifiableMap(next);
    }

    private HealthJudge.Probe probeOutcome(ProbeResult probe, Optional<Received> last) {
        if (probe == null || last.isEmpty() || probe.at().isBefore(last.get().receivedAt())) {
            return HealthJudge.Probe.NOT_PROBED;
        }
        return probe.answered() ? HealthJudge.Probe.ANSWERED : HealthJudge.Probe.FAILED;
    }

    /** Probes the management port of each AP that has fallen silent, at most once per the policy's period, and waits. */
    private void probeSilent(Instant now) {
        if (prober.isEmpty()) {
            return;
        }
        Map<String, CompletableFuture<Boolean>> running = new HashMap<>();
        for (Tracked t : tracked.values()) {
            Received last = latest.get(t.ap().id());
            ProbeResult before = probes.get(t.ap().id());
            if (last == null || t.ap().mgmtIp().isEmpty() || !judge.silent(last, now) || !prober.get().policy().allows(t.ap().mgmtIp().get())
                    || (before != null && before.at().isAfter(last.receivedAt())
                        && Duration.between(before.at(), now).compareTo(prober.get().policy().every()) < 0)) {
                continue;
            }
            running.put(t.ap().id(), prober.get().probe(t.ap().mgmtIp().get()));
        }
        long waitMillis = prober.get().policy().timeout().toMillis() * (1 + running.size() / prober.get().policy().concurrency()) + 500;
        long deadline = nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        running.forEach((id, result) -> {
            try {
                probes.put(id, new ProbeResult(result.get(Math.max(1, deadline - nanoTime.getAsLong()), TimeUnit.NANOSECONDS), now));
            } catch (ExecutionException | TimeoutException e) {
                probes.put(id, new ProbeResult(false, now));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void reloadInventory() {
        List<AccessPoint> aps;
        try {
            aps = inventory.list();
        } catch (RuntimeException e) {
            LOG.warn("AP inventory not reloaded: {}", e.getMessage());
            return;
        }
        Map<String, StatusStore.Stored> stored = tracked.isEmpty() ? store.load() : Map.of();
        Map<String, Tracked> next = new LinkedHashMap<>();
        for (AccessPoint ap : aps) {
            Tracked before = tracked.get(ap.id());
            if (before != null) {
                next.put(ap.id(), new Tracked(ap, before.health()));
            } else {
                StatusStore.Stored s = stored.get(ap.id());
                next.put(ap.id(), new Tracked(ap, s == null ? new ApHealth(Condition.NEVER_SEEN, clock.instant(), 0)
                        : new ApHealth(s.condition(), s.since(), s.flaps())));
            }
        }
        tracked.clear();
        tracked.putAll(next);
        probes.keySet().retainAll(next.keySet());
    }

    /** Forces the inventory to be read again at the next evaluation (after an AP is added through the API). */
    public synchronized void inventoryChanged() {
        inventoryAt = Instant.MIN;
    }
}

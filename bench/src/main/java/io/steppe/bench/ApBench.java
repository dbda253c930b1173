package io.steppe.bench;

import static io.steppe.db.schema.Tables.AP_SAMPLE;
import static io.steppe.db.schema.Tables.AP_STATE_CHANGE;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApRepository;
import io.steppe.db.Database;
import io.steppe.db.net.MacAddress;
import io.steppe.bench.sim.ApSimulator;
import io.steppe.bench.sim.SimulatedAp;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * {@code steppe bench aps}: registers N simulated APs (ids {@code sim-00001}…, new tokens each run), plays them
 * against a running Steppe for a bounded time, then checks in the database that every acknowledged heartbeat was
 * stored and how long after its last heartbeat each failing AP was declared DOWN.
 */
public final class ApBench {

    /** What to run. */
    public record Plan(int count, URI target, Duration interval, Duration duration, Duration troubleAfter, int failingPercent,
                int degradingPercent, int flappingPercent, int window) {
    }

    /** What was measured. */
    public record Result(long sent, long accepted, long refused, long failed, long stored, double seconds, LatencyHistogram latency,
                  Optional<Duration> cpu, List<Duration> downDelays, int failing) {
    }

    private ApBench() {
    }

    static List<AccessPoint> accessPoints(int count) {
        Random random = new Random(42);
        List<AccessPoint> aps = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String mac = String.format("02:51:%02x:%02x:%02x:%02x", (i >> 24) & 0xff, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
            aps.add(new AccessPoint(String.format("sim-%05d", i), MacAddress.parse(mac), "Simulated AP " + i,
                    Optional.of(String.format("sim-site-%03d", i / 50)),
                    Optional.of(new AccessPoint.Location(40.6 + random.nextDouble() * 0.9, 112.4 + random.nextDouble() * 1.2)),
                    Optional.empty(), Optional.empty()));
        }
        return aps;
    }

    static SimulatedAp.Behaviour behaviour(int index, Plan plan) {
        int slot = index % 100;
        if (slot < plan.failingPercent()) {
            return SimulatedAp.Behaviour.FAILING;
        }
        if (slot < plan.failingPercent() + plan.degradingPercent()) {
            return SimulatedAp.Behaviour.DEGRADING;
        }
        if (slot < plan.failingPercent() + plan.degradingPercent() + plan.flappingPercent()) {
            return SimulatedAp.Behaviour.FLAPPING;
        }
        return SimulatedAp.Behaviour.HEALTHY;
    }

    public static Result run(Plan plan, Database db, String actor, CpuClock serverCpu, Clock clock) throws InterruptedException {
        List<AccessPoint> aps = accessPoints(plan.count());
        Map<String, String> tokens = new ApRepository(db.dsl(), new SecureRandom(), clock).registerWithNewTokens(aps, actor);
        List<SimulatedAp> simulated = new ArrayList<>(aps.size());
        for (int i = 0; i < aps.size(); i++) {
            simulated.add(new SimulatedAp(aps.get(i).id(), tokens.get(aps.get(i).id()), behaviour(i, plan)));
        }
        LatencyHistogram latency = new LatencyHistogram();
        Instant start = clock.instant();
        Optional<Duration> cpuBefore = serverCpu.used();
        long t0 = System.nanoTime();
        ApSimulator sim = new ApSimulator(plan.target(), simulated, plan.interval(), plan.troubleAfter(), plan.window(), clock,
                nanos -> {
                    synchronized (latency) {
                        latency.record(nanos);
                    }
                });
        try (sim) {
            sim.start();
            Thread.sleep(plan.duration().toMillis());
            sim.stop(Duration.ofSeconds(10));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Optional<Duration> cpuAfter = serverCpu.used();
        Optional<Duration> cpu = cpuBefore.flatMap(b -> cpuAfter.map(a -> a.minus(b)));
        long stored = db.dsl().fetchCount(AP_SAMPLE, AP_SAMPLE.AP_ID.like("sim-%")
                .and(AP_SAMPLE.RECEIVED_AT.ge(start.minusSeconds(1).atOffset(ZoneOffset.UTC))));
        List<Duration> delays = new ArrayList<>();
        Map<String, Instant> last = sim.lastAccepted();
        int failing = 0;
        for (SimulatedAp ap : simulated) {
            if (ap.behaviour() != SimulatedAp.Behaviour.FAILING || !last.containsKey(ap.id())) {
                continue;
            }
            failing++;
            Instant lastBeat = last.get(ap.id());
            db.dsl().select(AP_STATE_CHANGE.AT).from(AP_STATE_CHANGE).where(AP_STATE_CHANGE.AP_ID.eq(ap.id()))
                    .and(AP_STATE_CHANGE.TO_STATE.eq("DOWN")).and(AP_STATE_CHANGE.AT.gt(lastBeat.atOffset(ZoneOffset.UTC)))
                    .orderBy(AP_STATE_CHANGE.AT).limit(1).fetchOptional(AP_STATE_CHANGE.AT)
                    .ifPresent(at -> delays.add(Duration.between(lastBeat, at.toInstant())));
        }
        delays.sort(null);
        return new Result(sim.sent(), sim.accepted(), sim.refused(), sim.failed(), stored, seconds, latency, cpu, delays, failing);
    }

    public static String report(Plan plan, Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d simulated APs, interval %d s, %.1f s: %d heartbeats sent (%.0f/s), %d acknowledged,"
                        + " %d refused, %d unanswered%n", plan.count(), plan.interval().toSeconds(), r.seconds(), r.sent(), r.sent() / r.seconds(),
                r.accepted(), r.refused(), r.failed()));
        out.append(String.format(Locale.ROOT, "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", r.latency().valueAt(0.5) / 1e6,
                r.latency().valueAt(0.99) / 1e6, r.latency().max() / 1e6));
        out.append(String.format(Locale.ROOT, "stored: %d heartbeats in the database for %d acknowledged (lost: %d)%n", r.stored(),
                r.accepted(), Math.max(0, r.accepted() - r.stored())));
        r.cpu().ifPresent(c -> out.append(String.format(Locale.ROOT, "server CPU: %.1f s over %.1f s = %.3f of one core%n",
                c.toNanos() / 1e9, r.seconds(), c.toNanos() / 1e9 / r.seconds())));
        Duration bound = plan.interval().multipliedBy(3).plusSeconds(5);
        if (r.downDelays().isEmpty()) {
            out.append("DOWN detection: no failing AP was declared DOWN within the run (run longer than --trouble-after + 3 intervals)\n");
        } else {
            Duration worst = r.downDelays().get(r.downDelays().size() - 1);
            out.append(String.format(Locale.ROOT, "DOWN detection: %d of %d failing APs declared DOWN, after their last heartbeat:"
                            + " median %.1f s, worst %.1f s (bound: 3 intervals + 5 s = %d s)%n", r.downDelays().size(), r.failing(),
                    r.downDelays().get(r.downDelays().size() / 2).toMillis() / 1e3, worst.toMillis() / 1e3, bound.toSeconds()));
        }
        out.append(String.format(Locale.ROOT, "RESULT mode=aps count=%d rate=%.0f accepted=%d lost=%d cpu_cores=%s down_worst_s=%s%n",
                plan.count(), r.sent() / r.seconds(), r.accepted(), Math.max(0, r.accepted() - r.stored()),
                r.cpu().map(c -> String.format(Locale.ROOT, "%.3f", c.toNanos() / 1e9 / r.seconds())).orElse("n/a"),
                r.downDelays().isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.1f",
                        r.downDelays().get(r.downDelays().size() - 1).toMillis() / 1e3)));
        return out.toString();
    }
}

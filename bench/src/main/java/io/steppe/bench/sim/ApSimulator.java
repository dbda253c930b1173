package io.steppe.bench.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * Plays many APs against a running Steppe on loopback: each sends a heartbeat every interval (spread evenly over
 * it), with figures that wander a little; from {@code troubleAfter} on, some degrade, fail or flap as their
 * {@link SimulatedAp.Behaviour} says. At most {@code window} requests are in flight; a heartbeat that would exceed
 * it waits. Records each AP's last acknowledged heartbeat, so a benchmark can tell how soon silence was noticed.
 */
public final class ApSimulator implements AutoCloseable {

    private final URI endpoint;
    private final List<SimulatedAp> aps;
    private final Duration interval;
    private final Duration troubleAfter;
    private final Semaphore window;
    private final int windowSize;
    private final Clock clock;
    private final LongConsumer latencyNanos;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "steppe-ap-simulator");
        t.setDaemon(true);
        return t;
    });
    private final LongAdder sent = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<String, Instant> lastAccepted = new ConcurrentHashMap<>();
    private volatile Instant started;
    private volatile boolean stopped;

    /** @param latencyNanos told each answered request's latency (from the sending thread; synchronise if needed) */
    public ApSimulator(URI target, List<SimulatedAp> aps, Duration interval, Duration troubleAfter, int window, Clock clock,
                       LongConsumer latencyNanos) {
        this.endpoint = target.resolve("/api/aps/heartbeat");
        this.aps = List.copyOf(aps);
        this.interval = interval;
        this.troubleAfter = troubleAfter;
        this.window = new Semaphore(window);
        this.windowSize = window;
        this.clock = clock;
        this.latencyNanos = latencyNanos;
    }

    /** Starts every AP, spread evenly over one interval. */
    public ApSimulator start() {
        started = clock.instant();
        long periodMicros = interval.toNanos() / 1000;
        for (int i = 0; i < aps.size(); i++) {
            SimulatedAp ap = aps.get(i);
            long offset = periodMicros * i / Math.max(1, aps.size());
            scheduler.scheduleAtFixedRate(() -> beat(ap), offset, periodMicros, TimeUnit.MICROSECONDS);
        }
        return this;
    }

    private void beat(SimulatedAp ap) {
        if (stopped || silent(ap, Duration.between(started, clock.instant()))) {
            return;
        }
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean troubled = ap.behaviour() == SimulatedAp.Behaviour.DEGRADING
                && Duration.between(started, clock.instant()).compareTo(troubleAfter) >= 0;
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + ap.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(troubled))).build();
        long start = System.nanoTime();
        sent.increment();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            window.release();
            if (error != null) {
                failed.increment();
                return;
            }
            latencyNanos.accept(System.nanoTime() - start);
            if (response.statusCode() == 200) {
                accepted.increment();
                lastAccepted.put(ap.id(), clock.instant());
            } else {
                refused.increment();
            }
        });
    }

    /** Whether the AP keeps quiet at this point of the scenario. */
    private boolean silent(SimulatedAp ap, Duration elapsed) {
        if (elapsed.compareTo(troubleAfter) < 0) {
            return false;
        }
        return switch (ap.behaviour()) {
            case FAILING -> true;
            case FLAPPING -> (elapsed.minus(troubleAfter).toNanos() / interval.toNanos()) % 5 < 4;
            default -> false;
        };
    }

    private String body(boolean troubled) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        double util = troubled ? 0.93 : 0.2 + r.nextDouble() * 0.3;
        return String.format(Locale.ROOT, "{\"interval_s\":%d,\"uptime_s\":%d,\"load\":%.2f,\"memory\":%.2f,\"clients\":%d,"
                        + "\"firmware\":\"7.4.2\",\"radios\":[{\"band\":\"2.4\",\"channel\":6,\"tx_power_dbm\":20,\"noise_dbm\":-93,"
                        + "\"utilization\":%.2f,\"retries\":0.05},{\"band\":\"5\",\"channel\":36,\"tx_power_dbm\":23,\"noise_dbm\":-96,"
                        + "\"utilization\":%.2f,\"retries\":0.02}],\"backhaul\":{\"rtt_ms\":%.1f,\"loss\":%.3f}}",
                interval.toSeconds(), Duration.between(started, clock.instant()).toSeconds() + 3600, 0.1 + r.nextDouble() * 0.3,
                0.4 + r.nextDouble() * 0.2, r.nextInt(0, 30), util, util / 2, troubled ? 320.0 : 10 + r.nextDouble() * 20,
                troubled ? 0.12 : 0.0);
    }

    public long sent() {
        return sent.sum();
    }

    public long accepted() {
        return accepted.sum();
    }

    /** Answered with anything but 200. */
    public long refused() {
        return refused.sum();
    }

    /** No answer (connection error or timeout). */
    public long failed() {
        return failed.sum();
    }

    /** When each AP's last heartbeat was acknowledged. */
    public Map<String, Instant> lastAccepted() {
        return Map.copyOf(lastAccepted);
    }

    /** Stops sending and waits up to {@code grace} for requests in flight. */
    public void stop(Duration grace) throws InterruptedException {
        stopped = true;
        scheduler.shutdownNow();
        if (window.tryAcquire(windowSize, grace.toMillis(), TimeUnit.MILLISECONDS)) {
            window.release(windowSize);
        }
    }

    @Override
    public void close() {
        stopped = true;
        scheduler.shutdownNow();
    }
}

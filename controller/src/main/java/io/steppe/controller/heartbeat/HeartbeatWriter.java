package io.steppe.controller.heartbeat;

import static io.steppe.db.schema.Tables.AP_SAMPLE;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for heartbeats: they queue while one batch is committed and go together into the next (one
 * transaction, one COPY), so a few transactions a second carry hundreds of heartbeats. A heartbeat is acknowledged (its future
 * completes) only after its row is committed, and only then does the health evaluator see it; if a batch fails
 * every heartbeat in it is refused (503) and the AP's next heartbeat stands in for it.
 */
public final class HeartbeatWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatWriter.class);

    /** A heartbeat that has been committed. */
    public record Received(String apId, Heartbeat heartbeat, Instant receivedAt) {
    }

    private record Pending(Received heartbeat, CompletableFuture<Void> done) {
    }

    private final DSLContext dsl;
    private final HeartbeatCounters counters;
    private final Consumer<Received> committed;
    private final int maxBatch;
    private final Duration linger;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param committed told of each heartbeat once it is durable, on the writer's thread
     * @param linger    how long a batch waits for more heartbeats before it is written (the latency it adds at most)
     */
    public HeartbeatWriter(DSLContext dsl, HeartbeatCounters counters, Consumer<Received> committed, int maxBatch, int queueCapacity,
                           Duration linger) {
        this.dsl = dsl;
        this.counters = counters;
        this.committed = committed;
        this.maxBatch = maxBatch;
        this.linger = linger;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::run, "steppe-heartbeat-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Completes when the heartbeat is committed; fails at once with {@code OVERLOADED} when the queue is full. */
    public CompletableFuture<Void> submit(Received heartbeat) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(heartbeat, done))) {
            done.completeExceptionally(new HeartbeatRejected(HeartbeatRejected.Kind.OVERLOADED,
                    "too many heartbeats queued; send the next one as usual"));
        }
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                fill(batch);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Waits up to the linger time for more heartbeats: at a few hundred a second the database commits faster than
     * they arrive, and without it nearly every heartbeat would get a transaction of its own.
     */
    private void fill(List<Pending> batch) throws InterruptedException {
        long deadline = System.nanoTime() + linger.toNanos();
        while (batch.size() < maxBatch) {
            queue.drainTo(batch, maxBatch - batch.size());
            long left = deadline - System.nanoTime();
            if (left <= 0 || batch.size() >= maxBatch) {
                return;
            }
            Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void write(List<Pending> batch) {
        try {
            insert(batch);
        } catch (RuntimeException e) {
            LOG.warn("{} heartbeat(s) not saved and refused with 503: {}", batch.size(), e.getMessage());
            batch.forEach(p -> p.done().completeExceptionally(new HeartbeatRejected(HeartbeatRejected.Kind.OVERLOADED,
                    "the heartbeat could not be saved; send the next one as usual")));
            return;
        }
        counters.accepted(batch.size());
        for (Pending p : batch) {
            try {
                committed.accept(p.heartbeat());
            } catch (RuntimeException e) {
                LOG.warn("Heartbeat of {} saved but not evaluated: {}", p.heartbeat().apId(), e.toString());
            }
            p.done().complete(null);
        }
    }

    /** The columns COPY fills, named by the generated classes. */
    private static final List<Field<?>> COLUMNS = List.of(AP_SAMPLE.AP_ID, AP_SAMPLE.RECEIVED_AT, AP_SAMPLE.SENT_AT, AP_SAMPLE.INTERVAL_S,
            AP_SAMPLE.UPTIME_S, AP_SAMPLE.CPU_LOAD, AP_SAMPLE.MEMORY_RATIO, AP_SAMPLE.CLIENTS, AP_SAMPLE.CHANNEL_UTIL, AP_SAMPLE.NOISE_DBM,
            AP_SAMPLE.RETRIES_RATIO, AP_SAMPLE.RTT_MS, AP_SAMPLE.LOSS_RATIO, AP_SAMPLE.FIRMWARE, AP_SAMPLE.RADIOS);
    private static final String COPY = "COPY " + AP_SAMPLE.getName() + " ("
            + String.join(", ", COLUMNS.stream().map(Field::getName).toList()) + ") FROM STDIN";

    /**
     * One COPY per batch, in its own transaction: PostgreSQL's bulk path, far cheaper than rendering INSERTs for
     * hundreds of rows a second (the one place the controller writes past jOOQ's DSL; table and columns still come
     * from the generated classes).
     */
    private void insert(List<Pending> batch) {
        StringBuilder rows = new StringBuilder(batch.size() * 200);
        for (Pending p : batch) {
            Heartbeat h = p.heartbeat().heartbeat();
            CopyText.row(rows, p.heartbeat().apId(), p.heartbeat().receivedAt(), h.sentAt(), h.interval().toSeconds(),
                    h.uptimeSeconds().isPresent() ? h.uptimeSeconds().getAsLong() : null, real(h.cpuLoad()), real(h.memory()),
                    h.clients().isPresent() ? h.clients().getAsInt() : null, real(h.channelUtilization()), real(h.noiseDbm()),
                    real(h.retries()), real(h.backhaul().map(Heartbeat.Backhaul::rttMs).orElse(OptionalDouble.empty())),
                    real(h.backhaul().map(Heartbeat.Backhaul::loss).orElse(OptionalDouble.empty())), h.firmware().orElse(null),
                    radios(h));
        }
        dsl.transaction(tx -> tx.dsl().connection(c -> {
            try {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(rows.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY of heartbeats failed", e);
            }
        }));
    }

    private static Float real(OptionalDouble value) {
        return value.isPresent() ? (float) value.getAsDouble() : null;
    }

    private static String radios(Heartbeat h) {
        if (h.radios().isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder("[");
        for (Heartbeat.Radio r : h.radios()) {
            out.append(out.length() > 1 ? "," : "").append("{\"band\":\"").append(r.band()).append('"');
            field(out, "channel", r.channel());
            field(out, "tx_power_dbm", r.txPowerDbm());
            field(out, "noise_dbm", r.noiseDbm());
            field(out, "utilization", r.utilization());
            field(out, "retries", r.retries());
            field(out, "clients", r.clients());
            out.append('}');
        }
        return out.append(']').toString();
    }

    private static void field(StringBuilder out, String name, OptionalDouble value) {
        value.ifPresent(v -> out.append(",\"").append(name).append("\":").append(v));
    }

    private static void field(StringBuilder out, String name, OptionalInt value) {
        value.ifPresent(v -> out.append(",\"").append(name).append("\":").append(v));
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new HeartbeatRejected(HeartbeatRejected.Kind.OVERLOADED, "shutting down"));
        }
    }
}

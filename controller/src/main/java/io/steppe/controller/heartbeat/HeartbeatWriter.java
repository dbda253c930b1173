package io.steppe.controller.heartbeat;

import static io.steppe.db.schema.Tables.AP_SAMPLE;

import io.steppe.db.commit.GroupCommit;
import io.steppe.db.commit.GroupCommit.Pending;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for heartbeats: they queue while one batch is committed and go together into the next (one
 * transaction, one COPY), so a few transactions a second carry hundreds of heartbeats. A heartbeat is acknowledged (its future
 * completes) only after its row is committed, and only then does the health evaluator see it. A batch PostgreSQL
 * refuses for what a row holds is split until the refused rows are alone; those, and every heartbeat of a batch
 * that fails for any other reason (the database gone), are refused (503) and the AP's next heartbeat stands in.
 */
public final class HeartbeatWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatWriter.class);

    /** A heartbeat that has been committed. */
    public record Received(String apId, Heartbeat heartbeat, Instant receivedAt) {
    }

    private final DSLContext dsl;
    private final HeartbeatCounters counters;
    private final Consumer<Received> committed;
    private final GroupCommit<Received> group;

    /**
     * @param committed told of each heartbeat once it is durable, on the writer's thread
     * @param linger    how long a batch waits for more heartbeats before it is written (the latency it adds at most)
     * @param nanoTime  the monotonic ticker the linger is measured by ({@code System::nanoTime} in production)
     */
    public HeartbeatWriter(DSLContext dsl, HeartbeatCounters counters, Consumer<Received> committed, int maxBatch, int queueCapacity,
                           Duration linger, LongSupplier nanoTime) {
        this.dsl = dsl;
        this.counters = counters;
        this.committed = committed;
        this.group = new GroupCommit<>("steppe-heartbeat-writer", maxBatch, queueCapacity, linger, nanoTime, this::write,
                () -> new HeartbeatRejected(HeartbeatRejected.Kind.OVERLOADED, "too many heartbeats queued; send the next one as usual"),
                () -> new HeartbeatRejected(HeartbeatRejected.Kind.OVERLOADED, "shutting down"));
    }

    /** Completes when the heartbeat is committed; fails at once with {@code OVERLOADED} when the queue is full. */
    public CompletableFuture<Void> submit(Received heartbeat) {
        return group.submit(heartbeat);
    }

    private void write(List<Pending<Received>> batch) {
        try {
            insert(batch);
        } catch (RuntimeException e) {
            if (batch.size() > 1 && refusedForItsData(e)) {
                // one row PostgreSQL will not take (a value the parser let through, an AP deleted while its heartbeat
                // queued) must not cost the rest their place: halve until the rows that fail are alone
                write(batch.subList(0, batch.size() / 2));
                write(batch.subList(batch.size() / 2, batch.size()));
                return;
            }
            LOG.warn("{} heartbeat(s) not saved and refused with 503{}: {}", batch.size(),
                    batch.size() == 1 ? " (AP " + batch.get(0).item().apId() + ")" : "", e.getMessage());
            batch.forEach(p -> p.done().completeExceptionally(new HeartbeatRejected(HeartbeatRejected.Kind.OVERLOADED,
                    "the heartbeat could not be saved; send the next one as usual")));
            return;
        }
        counters.accepted(batch.size());
        for (Pending<Received> p : batch) {
            try {
                committed.accept(p.item());
            } catch (RuntimeException e) {
                LOG.warn("Heartbeat of {} saved but not evaluated: {}", p.item().apId(), e.toString());
            }
            p.done().complete(null);
        }
    }

    /**
     * PostgreSQL refused what the rows hold (SQLSTATE class 22, data exception; 23, integrity constraint violation),
     * not the connection or the server: another split of the same batch can succeed.
     */
    private static boolean refusedForItsData(RuntimeException e) {
        String state = e instanceof DataAccessException d ? d.sqlState() : null;
        return state != null && (state.startsWith("22") || state.startsWith("23"));
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
    private void insert(List<Pending<Received>> batch) {
        StringBuilder rows = new StringBuilder(batch.size() * 200);
        for (Pending<Received> p : batch) {
            Heartbeat h = p.item().heartbeat();
            CopyText.row(rows, p.item().apId(), p.item().receivedAt(), h.sentAt(), h.interval().toSeconds(),
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
        StringJoiner radios = new StringJoiner(",", "[", "]");
        for (Heartbeat.Radio r : h.radios()) {
            StringJoiner fields = new StringJoiner(",", "{", "}");
            r.band().ifPresent(band -> fields.add("\"band\":\"" + band + "\""));
            field(fields, "channel", r.channel());
            field(fields, "tx_power_dbm", r.txPowerDbm());
            field(fields, "noise_dbm", r.noiseDbm());
            field(fields, "utilization", r.utilization());
            field(fields, "retries", r.retries());
            field(fields, "clients", r.clients());
            radios.add(fields.toString());
        }
        return radios.toString();
    }

    private static void field(StringJoiner out, String name, OptionalDouble value) {
        value.ifPresent(v -> out.add("\"" + name + "\":" + v));
    }

    private static void field(StringJoiner out, String name, OptionalInt value) {
        value.ifPresent(v -> out.add("\"" + name + "\":" + v));
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        group.close();
    }
}

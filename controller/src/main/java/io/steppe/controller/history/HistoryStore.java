package io.steppe.controller.history;

import static io.steppe.db.schema.Tables.AP_SAMPLE;
import static io.steppe.db.schema.Tables.AP_SAMPLE_1H;
import static io.steppe.db.schema.Tables.AP_SAMPLE_5M;
import static io.steppe.db.schema.Tables.AP_STATE_CHANGE;

import io.steppe.controller.health.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Reads an AP's history at the finest resolution kept for the asked range, and ages it: raw heartbeats are averaged
 * into 5-minute buckets, those into hourly ones, and each resolution is deleted past its retention. Each run averages
 * from where the last one stopped (after a restart, from the newest bucket stored) and recomputes the last few
 * buckets for heartbeats that arrived late, so running it twice, or late, gives the same result. One caller at a time.
 */
public final class HistoryStore {

    private final DSLContext dsl;
    private final Retention retention;
    private Instant fiveMinuteDone;
    private Instant hourDone;

    public HistoryStore(DSLContext dsl, Retention retention) {
        this.dsl = dsl;
        this.retention = retention;
    }

    public History read(String apId, Instant from, Instant to, Instant now) {
        List<HistoryPoint> points;
        String resolution;
        if (!from.isBefore(now.minus(retention.raw()))) {
            resolution = "raw";
            points = dsl.select(AP_SAMPLE.RECEIVED_AT, AP_SAMPLE.CLIENTS, AP_SAMPLE.CPU_LOAD, AP_SAMPLE.MEMORY_RATIO,
                            AP_SAMPLE.CHANNEL_UTIL, AP_SAMPLE.NOISE_DBM, AP_SAMPLE.RTT_MS, AP_SAMPLE.LOSS_RATIO)
                    .from(AP_SAMPLE).where(AP_SAMPLE.AP_ID.eq(apId)).and(AP_SAMPLE.RECEIVED_AT.between(time(from), time(to)))
                    .orderBy(AP_SAMPLE.RECEIVED_AT)
                    .fetch(r -> new HistoryPoint(r.value1().toInstant(), 1, r.value2() == null ? null : r.value2().floatValue(),
                            r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
        } else {
            boolean fine = !from.isBefore(now.minus(retention.fiveMinute()));
            resolution = fine ? "5m" : "1h";
            points = dsl.select(bucketFields(fine)).from(fine ? AP_SAMPLE_5M : AP_SAMPLE_1H)
                    .where(field(fine, AP_SAMPLE_5M.AP_ID).eq(apId)).and(field(fine, AP_SAMPLE_5M.BUCKET).between(time(from), time(to)))
                    .orderBy(field(fine, AP_SAMPLE_5M.BUCKET))
                    .fetch(r -> new HistoryPoint(r.get(0, OffsetDateTime.class).toInstant(), r.get(1, Integer.class),
                            r.get(2, Float.class), r.get(3, Integer.class), r.get(4, Float.class), r.get(5, Float.class),
                            r.get(6, Float.class), r.get(7, Float.class), r.get(8, Float.class), r.get(9, Float.class)));
        }
        List<History.StateChange> changes = new ArrayList<>();
        dsl.selectFrom(AP_STATE_CHANGE).where(AP_STATE_CHANGE.AP_ID.eq(apId)).and(AP_STATE_CHANGE.AT.lt(time(from)))
                .orderBy(AP_STATE_CHANGE.AT.desc()).limit(1).fetchOptional().ifPresent(r -> changes.add(change(r, from)));
        dsl.selectFrom(AP_STATE_CHANGE).where(AP_STATE_CHANGE.AP_ID.eq(apId)).and(AP_STATE_CHANGE.AT.between(time(from), time(to)))
                .orderBy(AP_STATE_CHANGE.AT).forEach(r -> changes.add(change(r, r.getAt().toInstant())));
        return new History(apId, from, to, resolution, points, changes);
    }

    private static History.StateChange change(io.steppe.db.schema.tables.records.ApStateChangeRecord r, Instant at) {
        return new History.StateChange(at, r.getFromState(), r.getToState(),
                Arrays.stream(r.getReasons()).map(Reason::parse).toList());
    }

    private static <T> Field<T> field(boolean fine, Field<T> fiveMinuteField) {
        return fine ? fiveMinuteField : AP_SAMPLE_1H.field(fiveMinuteField.getName(), fiveMinuteField.getType());
    }

    private static List<Field<?>> bucketFields(boolean fine) {
        return List.of(field(fine, AP_SAMPLE_5M.BUCKET), field(fine, AP_SAMPLE_5M.SAMPLES), field(fine, AP_SAMPLE_5M.CLIENTS_AVG),
                field(fine, AP_SAMPLE_5M.CLIENTS_MAX), field(fine, AP_SAMPLE_5M.CPU_LOAD), field(fine, AP_SAMPLE_5M.MEMORY_RATIO),
                field(fine, AP_SAMPLE_5M.CHANNEL_UTIL), field(fine, AP_SAMPLE_5M.NOISE_DBM), field(fine, AP_SAMPLE_5M.RTT_MS),
                field(fine, AP_SAMPLE_5M.LOSS_RATIO));
    }

    /** Averages what is new into 5-minute and hourly buckets, then drops what is past retention. */
    public void age(Instant now) {
        Instant five = fiveMinuteBucket(now);
        if (fiveMinuteDone == null) {
            fiveMinuteDone = dsl.select(DSL.max(AP_SAMPLE_5M.BUCKET)).from(AP_SAMPLE_5M).fetchOptional(0, OffsetDateTime.class)
                    .map(b -> b.toInstant().plus(Duration.ofMinutes(5))).orElse(fiveMinuteBucket(now.minus(retention.raw())));
        }
        Instant fiveFrom = min(fiveMinuteDone, five.minus(Duration.ofMinutes(15)));
        Field<OffsetDateTime> bucket5 = DSL.field("date_bin('5 minutes', {0}, timestamptz '2000-01-01')",
                SQLDataType.TIMESTAMPWITHTIMEZONE, AP_SAMPLE.RECEIVED_AT);
        upsertBuckets(AP_SAMPLE_5M, DSL.select(AP_SAMPLE.AP_ID, bucket5, DSL.count(), avg(AP_SAMPLE.CLIENTS), DSL.max(AP_SAMPLE.CLIENTS),
                        avg(AP_SAMPLE.CPU_LOAD), avg(AP_SAMPLE.MEMORY_RATIO), avg(AP_SAMPLE.CHANNEL_UTIL), avg(AP_SAMPLE.NOISE_DBM),
                        avg(AP_SAMPLE.RTT_MS), avg(AP_SAMPLE.LOSS_RATIO))
                .from(AP_SAMPLE).where(AP_SAMPLE.RECEIVED_AT.ge(time(fiveFrom)))
                .and(AP_SAMPLE.RECEIVED_AT.lt(time(five))).groupBy(AP_SAMPLE.AP_ID, bucket5));
        fiveMinuteDone = five;
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        if (hourDone == null) {
            hourDone = dsl.select(DSL.max(AP_SAMPLE_1H.BUCKET)).from(AP_SAMPLE_1H).fetchOptional(0, OffsetDateTime.class)
                    .map(b -> b.toInstant().plus(Duration.ofHours(1))).orElse(now.minus(retention.fiveMinute()).truncatedTo(ChronoUnit.HOURS));
        }
        Instant hourFrom = min(hourDone, hour.minus(Duration.ofHours(2)));
        Field<OffsetDateTime> bucket1h = DSL.field("date_trunc('hour', {0}, 'UTC')", SQLDataType.TIMESTAMPWITHTIMEZONE, AP_SAMPLE_5M.BUCKET);
        Field<Integer> n = AP_SAMPLE_5M.SAMPLES;
        upsertBuckets(AP_SAMPLE_1H, DSL.select(AP_SAMPLE_5M.AP_ID, bucket1h, DSL.sum(n).cast(Integer.class), weighted(AP_SAMPLE_5M.CLIENTS_AVG, n),
                        DSL.max(AP_SAMPLE_5M.CLIENTS_MAX), weighted(AP_SAMPLE_5M.CPU_LOAD, n), weighted(AP_SAMPLE_5M.MEMORY_RATIO, n),
                        weighted(AP_SAMPLE_5M.CHANNEL_UTIL, n), weighted(AP_SAMPLE_5M.NOISE_DBM, n), weighted(AP_SAMPLE_5M.RTT_MS, n),
                        weighted(AP_SAMPLE_5M.LOSS_RATIO, n))
                .from(AP_SAMPLE_5M).where(AP_SAMPLE_5M.BUCKET.ge(time(hourFrom)))
                .and(AP_SAMPLE_5M.BUCKET.lt(time(hour))).groupBy(AP_SAMPLE_5M.AP_ID, bucket1h));
        hourDone = hour;
        dsl.deleteFrom(AP_SAMPLE).where(AP_SAMPLE.RECEIVED_AT.lt(time(now.minus(retention.raw())))).execute();
        dsl.deleteFrom(AP_SAMPLE_5M).where(AP_SAMPLE_5M.BUCKET.lt(time(now.minus(retention.fiveMinute())))).execute();
        dsl.deleteFrom(AP_SAMPLE_1H).where(AP_SAMPLE_1H.BUCKET.lt(time(now.minus(retention.hourly())))).execute();
        dsl.deleteFrom(AP_STATE_CHANGE).where(AP_STATE_CHANGE.AT.lt(time(now.minus(retention.hourly())))).execute();
    }

    /** The figures of a bucket, as the 5-minute and hourly tables both name them. */
    private static final List<String> FIGURES = List.of("samples", "clients_avg", "clients_max", "cpu_load", "memory_ratio",
            "channel_util", "noise_dbm", "rtt_ms", "loss_ratio");

    /** Inserts the averages into {@code target}, replacing the figures of buckets already there. */
    private void upsertBuckets(Table<?> target, Select<?> averages) {
        List<Field<?>> columns = new ArrayList<>(List.of(target.field("ap_id"), target.field("bucket")));
        Map<Field<?>, Field<?>> replace = new LinkedHashMap<>();
        for (String figure : FIGURES) {
            columns.add(target.field(figure));
            replace.put(target.field(figure), DSL.excluded(target.field(figure)));
        }
        dsl.insertInto(target, columns).select(averages).onConflict(target.field("ap_id"), target.field("bucket")).doUpdate()
                .set(replace).execute();
    }

    private static Instant fiveMinuteBucket(Instant t) {
        return t.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(t.atZone(ZoneOffset.UTC).getMinute() % 5));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Field<Float> avg(Field<? extends Number> field) {
        return DSL.avg(field).cast(Float.class);
    }

    private static Field<Float> weighted(Field<Float> value, Field<Integer> samples) {
        return DSL.sum(value.cast(Double.class).mul(samples))
                .div(DSL.nullif(DSL.sum(DSL.when(value.isNotNull(), samples).otherwise(0)), java.math.BigDecimal.ZERO)).cast(Float.class);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

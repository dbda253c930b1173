package io.steppe.db.retention;

import io.steppe.db.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each {@link RetainedTable} partitioned ahead and within the retention window: makes the partitions of this
 * month and the {@link #MONTHS_AHEAD} next ones, and detaches and drops, each in the transaction of its audit entry,
 * every partition whose whole range is older than the window, so that nothing younger is ever dropped. A row in the
 * default partition (written by a node whose clock was far off) is treated as if it were in its month's partition:
 * moved there when that month is made, deleted once that month is wholly past the window.
 * <p>
 * Every table's work takes a transaction-level advisory lock first, so two nodes running it at once do it once: the
 * second finds the first one's partitions made and dropped. Detaching is plain, not {@code CONCURRENTLY}, which
 * PostgreSQL refuses on a table with a default partition; it waits at most {@link #LOCK_WAIT} for the table's
 * readers and writers, and a table not done then is done at the next run.
 */
public final class PartitionMaintenance {

    /** Who the audit log names for what retention did. */
    public static final String ACTOR = "system:retention";
    public static final int MONTHS_AHEAD = 2;
    static final Duration LOCK_WAIT = Duration.ofSeconds(2);
    /** The first key of the advisory locks of retention ("STPR"); the second is the table's name hashed. */
    private static final int LOCK_CLASS = 0x5354_5052;
    private static final Logger LOG = LoggerFactory.getLogger(PartitionMaintenance.class);

    /** A partition dropped, with the rows it held. */
    public record Dropped(String table, String partition, Instant from, Instant to, long rows) {
    }

    /** What one run did; {@code postponed} names the tables left for the next run. */
    public record Outcome(List<String> made, List<Dropped> dropped, List<String> postponed) {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final Duration retention;
    private final RetentionMetrics metrics;

    /** @param retention how long records are kept: a month is dropped once all of it is older than this */
    public PartitionMaintenance(DSLContext dsl, Clock clock, Duration retention, RetentionMetrics metrics) {
        this.dsl = dsl;
        this.clock = clock;
        this.retention = retention;
        this.metrics = metrics;
    }

    /** Does every table's work as of the clock's now. */
    public Outcome run() {
        Instant now = clock.instant();
        List<String> made = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        List<String> postponed = new ArrayList<>();
        for (RetainedTable table : RetainedTable.ALL) {
            try {
                Outcome done = dsl.transactionResult(tx -> maintain(tx.dsl(), table, now));
                made.addAll(done.made());
                dropped.addAll(done.dropped());
                done.dropped().forEach(d -> metrics.partitionDropped(d.table()));
            } catch (RuntimeException e) {
                postponed.add(table.name());
                LOG.warn("Retention of {} is left for the next run: {}", table.name(), e.getMessage());
            }
        }
        return new Outcome(made, dropped, postponed);
    }

    private Outcome maintain(DSLContext tx, RetainedTable table, Instant now) {
        tx.execute("SELECT pg_advisory_xact_lock({0}, hashtext({1}))", DSL.val(LOCK_CLASS), DSL.val(table.name()));
        tx.execute("SET LOCAL lock_timeout = " + LOCK_WAIT.toMillis());
        Instant cutoff = now.minus(retention);
        Instant keptFrom = monthStart(YearMonth.from(cutoff.atOffset(ZoneOffset.UTC)));
        Partitions partitions = Partitions.of(tx, table.name());
        Optional<Name> defaultPartition = partitions.defaultPartition().map(DSL::name);

        // Counted before any lock is taken on the table itself, so that its readers wait for none of it.
        List<Dropped> dropped = new ArrayList<>();
        partitions.months().stream().filter(p -> !p.to().isAfter(cutoff)).forEach(p -> dropped.add(
                new Dropped(table.name(), p.name(), p.from(), p.to(), tx.fetchCount(DSL.table(DSL.name(p.name()))))));
        for (Dropped d : dropped) {
            tx.execute("ALTER TABLE {0} DETACH PARTITION {1}", table.table().getUnqualifiedName(), DSL.name(d.partition()));
            tx.execute("DROP TABLE {0}", DSL.name(d.partition()));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("table", table.name());
            details.put("from", d.from().toString());
            details.put("to", d.to().toString());
            details.put("rows", d.rows());
            AuditLog.record(tx, ACTOR, "partition.drop", d.partition(), details);
            LOG.info("Dropped {} ({} rows from {} to {}), past the retention window", d.partition(), d.rows(), d.from(), d.to());
        }
        if (defaultPartition.isPresent()) {
            int deleted = tx.deleteFrom(DSL.table(defaultPartition.get())).where(key(table).lt(DSL.val(keptFrom.atOffset(ZoneOffset.UTC))))
                    .execute();
            if (deleted > 0) {
                AuditLog.record(tx, ACTOR, "partition.purge_default", defaultPartition.get().last(),
                        Map.of("table", table.name(), "before", keptFrom.toString(), "rows", deleted));
                LOG.info("Deleted {} rows of {} from months past the retention window", deleted, defaultPartition.get().last());
            }
        }

        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        TreeSet<YearMonth> months = new TreeSet<>();
        for (int i = 0; i <= MONTHS_AHEAD; i++) {
            months.add(current.plusMonths(i));
        }
        defaultPartition.ifPresent(d -> months.addAll(monthsHeld(tx, d, table, keptFrom, monthStart(current.plusMonths(MONTHS_AHEAD + 1)))));
        List<String> made = new ArrayList<>();
        for (YearMonth month : months) {
            Optional<MonthPartition> planned = Partitions.of(tx, table.name()).newMonth(table.name(), month);
            if (planned.isPresent()) {
                make(tx, table, planned.get(), defaultPartition);
                made.add(planned.get().name());
            }
        }
        return new Outcome(made, dropped, List.of());
    }

    /** The UTC months of the default partition's rows from {@code from} to {@code to}. */
    private static List<YearMonth> monthsHeld(DSLContext tx, Name defaultPartition, RetainedTable table, Instant from, Instant to) {
        return tx.selectDistinct(DSL.field("date_trunc('month', {0}, 'UTC')", java.time.OffsetDateTime.class, key(table)))
                .from(DSL.table(defaultPartition))
                .where(key(table).ge(DSL.val(from.atOffset(ZoneOffset.UTC)))).and(key(table).lt(DSL.val(to.atOffset(ZoneOffset.UTC))))
                .fetch(r -> YearMonth.from(r.value1().withOffsetSameInstant(ZoneOffset.UTC)));
    }

    /** Makes {@code p}, moving into it the default partition's rows of its range, which PostgreSQL would refuse it for. */
    private static void make(DSLContext tx, RetainedTable table, MonthPartition p, Optional<Name> defaultPartition) {
        QueryPart from = DSL.inline(p.from().toString());
        QueryPart to = DSL.inline(p.to().toString());
        boolean moving = defaultPartition.isPresent() && tx.fetchExists(DSL.table(defaultPartition.get()),
                key(table).ge(DSL.val(p.from().atOffset(ZoneOffset.UTC))).and(key(table).lt(DSL.val(p.to().atOffset(ZoneOffset.UTC)))));
        if (moving) {
            tx.execute("CREATE TEMP TABLE steppe_moving ON COMMIT DROP AS WITH moved AS (DELETE FROM {0} WHERE {1} >= {2}::timestamptz "
                    + "AND {1} < {3}::timestamptz RETURNING *) SELECT * FROM moved", defaultPartition.get(), key(table).getUnqualifiedName(), from, to);
        }
        tx.execute("CREATE TABLE {0} PARTITION OF {1} FOR VALUES FROM ({2}) TO ({3})", DSL.name(p.name()),
                table.table().getUnqualifiedName(), from, to);
        if (moving) {
            QueryPart columns = DSL.list(java.util.Arrays.stream(table.table().fields()).map(Field::getUnqualifiedName).toList());
            int moved = tx.execute("INSERT INTO {0} ({1}) OVERRIDING SYSTEM VALUE SELECT {1} FROM steppe_moving",
                    table.table().getUnqualifiedName(), columns);
            tx.execute("DROP TABLE steppe_moving");
            LOG.info("Moved {} rows of {} into {}, made for them", moved, defaultPartition.get().last(), p.name());
        }
        LOG.info("Made {} for {} to {}", p.name(), p.from(), p.to());
    }

    private static Field<java.time.OffsetDateTime> key(RetainedTable table) {
        return DSL.field(table.key().getUnqualifiedName(), table.key().getType());
    }

    private static Instant monthStart(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

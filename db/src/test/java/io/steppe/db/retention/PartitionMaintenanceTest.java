package io.steppe.db.retention;

import static io.steppe.db.schema.Tables.AUDIT_LOG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention by partition on the real database: a clock moved forward drops exactly the months wholly past the
 * window, in every retained table, audited; makes the months ahead; and two nodes at once drop each month once.
 */
class PartitionMaintenanceTest {

    private static final Duration WINDOW = Duration.ofDays(180);
    private static final YearMonth THIS_MONTH = YearMonth.now(ZoneOffset.UTC);

    @TempDir
    Path home;

    @Test
    void aClockMovedForwardDropsTheMonthsWhollyPastTheWindowAndKeepsEverythingYounger() {
        try (Database db = TestDatabases.freshMigrated(home)) {
            MutableClock clock = new MutableClock(day(THIS_MONTH.minusMonths(9), 3));
            Map<String, Integer> drops = new ConcurrentHashMap<>();
            PartitionMaintenance retention = new PartitionMaintenance(db.dsl(), clock, WINDOW, table -> drops.merge(table, 1, Integer::sum));
            livedThroughTheYear(clock, new PartitionMaintenance(db.dsl(), clock, Duration.ofDays(3650), RetentionMetrics.NONE));
            List<PartitionMaintenance.Dropped> dropped = new ArrayList<>();

            Instant past = Instant.parse("2020-03-01T00:00:00Z");
            Instant farAhead = day(THIS_MONTH.plusYears(4), 1);
            List<Instant> written = new ArrayList<>();
            for (YearMonth m = THIS_MONTH.minusMonths(9); !m.isAfter(THIS_MONTH); m = m.plusMonths(1)) {
                written.add(day(m, 10));
            }
            written.add(past);
            written.add(farAhead);
            RetainedRows.accessPoint(db.dsl());
            for (RetainedTable table : RetainedTable.ALL) {
                written.forEach(t -> RetainedRows.insert(db.dsl(), table, t));
            }

            clock.advance(Duration.between(clock.instant(), day(THIS_MONTH, 20)));
            PartitionMaintenance.Outcome outcome = retention.run();
            dropped.addAll(outcome.dropped());
            assertEquals(List.of(), outcome.postponed());
            Instant cutoff = clock.instant().minus(WINDOW);
            Instant keptFrom = day(YearMonth.from(cutoff.atOffset(ZoneOffset.UTC)), 1);
            for (RetainedTable table : RetainedTable.ALL) {
                List<Instant> expected = written.stream().filter(t -> !t.isBefore(keptFrom)).sorted().toList();
                assertEquals(expected, RetainedRows.times(db.dsl(), table),
                        table.name() + ": all rows younger than the window, and those of the month it begins in, kept; older ones gone");
                assertTrue(expected.stream().anyMatch(t -> t.isBefore(cutoff)), "the window's first month holds older rows too");
                for (int ahead = 0; ahead <= PartitionMaintenance.MONTHS_AHEAD; ahead++) {
                    assertTrue(partitionExists(db.dsl(), table.name() + "_" + name(THIS_MONTH.plusMonths(ahead))),
                            table.name() + ": the month " + ahead + " ahead");
                }
                assertFalse(partitionExists(db.dsl(), table.name() + "_" + name(YearMonth.from(cutoff.atOffset(ZoneOffset.UTC)).minusMonths(1))));
                assertTrue(dropped.stream().anyMatch(d -> d.table().equals(table.name()) && d.rows() == 1), table.name() + " " + dropped);
                assertEquals(dropped.stream().filter(d -> d.table().equals(table.name())).count(), (long) drops.get(table.name()),
                        "counted once a partition");
            }
            assertTrue(dropped.stream().allMatch(d -> !d.to().isAfter(cutoff)), "no partition dropped with anything younger");

            org.jooq.Result<org.jooq.Record3<String, String, org.jooq.JSONB>> audits = db.dsl().select(AUDIT_LOG.ACTOR, AUDIT_LOG.SUBJECT, AUDIT_LOG.DETAILS).from(AUDIT_LOG)
                    .where(AUDIT_LOG.ACTION.eq("partition.drop")).fetch();
            assertEquals(dropped.size(), audits.size(), "one audit entry a partition dropped");
            PartitionMaintenance.Dropped one = dropped.get(dropped.size() - 1);
            String details = audits.stream().filter(r -> r.get(AUDIT_LOG.SUBJECT).equals(one.partition())).findFirst().orElseThrow()
                    .get(AUDIT_LOG.DETAILS).data().replace(" ", "");
            assertTrue(details.contains("\"table\":\"" + one.table() + "\"") && details.contains("\"rows\":" + one.rows())
                    && details.contains(one.from().toString()) && details.contains(one.to().toString()), details);
            assertTrue(audits.stream().allMatch(r -> r.get(AUDIT_LOG.ACTOR).equals(PartitionMaintenance.ACTOR)));
            assertEquals(RetainedTable.ALL.size(), db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("partition.purge_default")),
                    "the row of 2020 that landed in each default partition, deleted and audited");

            clock.advance(Duration.ofDays(45));
            List<PartitionMaintenance.Dropped> later = retention.run().dropped();
            String windowsFirstMonth = name(YearMonth.from(cutoff.atOffset(ZoneOffset.UTC)));
            assertTrue(later.stream().anyMatch(d -> d.partition().endsWith(windowsFirstMonth)),
                    "the month the window began in goes once all of it is past");
        }
    }

    @Test
    void aRowInTheDefaultPartitionMovesIntoItsMonthWhenThatMonthIsMade() {
        try (Database db = TestDatabases.freshMigrated(home)) {
            MutableClock clock = new MutableClock(day(THIS_MONTH, 5));
            RetainedRows.accessPoint(db.dsl());
            YearMonth later = THIS_MONTH.plusMonths(PartitionMaintenance.MONTHS_AHEAD + 2);
            for (RetainedTable table : RetainedTable.ALL) {
                RetainedRows.insert(db.dsl(), table, day(later, 7));
                assertEquals(1, db.dsl().fetchCount(DSL.table(DSL.name(table.name() + "_default"))));
            }
            clock.advance(Duration.between(clock.instant(), day(THIS_MONTH.plusMonths(2), 5)));
            assertEquals(List.of(), new PartitionMaintenance(db.dsl(), clock, WINDOW, RetentionMetrics.NONE).run().postponed());
            for (RetainedTable table : RetainedTable.ALL) {
                assertEquals(0, db.dsl().fetchCount(DSL.table(DSL.name(table.name() + "_default"))), table.name());
                assertEquals(1, db.dsl().fetchCount(DSL.table(DSL.name(table.name() + "_" + name(later)))), table.name());
            }
            RetainedRows.insert(db.dsl(), RetainedTable.ALL.get(1), day(later, 8));
            assertEquals(2, db.dsl().fetchCount(DSL.table(DSL.name("coa_request_" + name(later)))), "ids go on after the moved row");
        }
    }

    @Test
    void twoNodesRunningItAtOnceDropEachPartitionOnce() throws Exception {
        TestDatabases.Location shared = TestDatabases.fresh();
        try (Database a = Database.open(shared.config(home.resolve("a")));
             Database b = Database.open(shared.config(home.resolve("b")))) {
            MutableClock clock = new MutableClock(day(THIS_MONTH.minusMonths(9), 3));
            PartitionMaintenance alone = new PartitionMaintenance(a.dsl(), clock, Duration.ofDays(3650), RetentionMetrics.NONE);
            livedThroughTheYear(clock, alone);
            clock.advance(Duration.between(clock.instant(), day(THIS_MONTH, 20)));

            List<PartitionMaintenance> nodes = List.of(new PartitionMaintenance(a.dsl(), clock, WINDOW, RetentionMetrics.NONE),
                    new PartitionMaintenance(b.dsl(), clock, WINDOW, RetentionMetrics.NONE));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<PartitionMaintenance.Outcome>> runs = new ArrayList<>();
                for (PartitionMaintenance node : nodes) {
                    runs.add(threads.submit(() -> {
                        start.await();
                        return node.run();
                    }));
                }
                start.countDown();
                List<String> dropped = new ArrayList<>();
                for (Future<PartitionMaintenance.Outcome> run : runs) {
                    PartitionMaintenance.Outcome outcome = run.get(60, TimeUnit.SECONDS);
                    assertEquals(List.of(), outcome.postponed());
                    outcome.dropped().forEach(d -> dropped.add(d.partition()));
                }
                assertTrue(dropped.size() >= RetainedTable.ALL.size(), "every table had months past the window: " + dropped);
                assertEquals(dropped.size(), new HashSet<>(dropped).size(), "no partition dropped twice: " + dropped);
                List<String> audited = a.dsl().select(AUDIT_LOG.SUBJECT).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("partition.drop"))
                        .fetch(AUDIT_LOG.SUBJECT);
                assertEquals(Set.copyOf(dropped), Set.copyOf(audited));
                assertEquals(dropped.size(), audited.size(), "audited once each");
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /** Runs the job on the 3rd of every month from the clock's to this one, as a node would. */
    private static void livedThroughTheYear(MutableClock clock, PartitionMaintenance job) {
        for (YearMonth m = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC)); !m.isAfter(THIS_MONTH); m = m.plusMonths(1)) {
            clock.advance(Duration.between(clock.instant(), day(m, 3)));
            assertEquals(List.of(), job.run().postponed());
        }
    }

    private static boolean partitionExists(DSLContext dsl, String name) {
        return dsl.fetchExists(DSL.selectOne().from(DSL.table("pg_class")).where(DSL.field("relname").eq(name))
                .and(DSL.field("relispartition", Boolean.class).isTrue()));
    }

    private static Instant day(YearMonth month, int day) {
        return month.atDay(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static String name(YearMonth month) {
        return String.format("%04d_%02d", month.getYear(), month.getMonthValue());
    }
}

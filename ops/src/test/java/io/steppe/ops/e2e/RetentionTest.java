package io.steppe.ops.e2e;

import static io.steppe.db.schema.Tables.AUDIT_LOG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.MutableClock;
import io.steppe.db.retention.PartitionMaintenance;
import io.steppe.db.retention.RetainedTable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node started with its clock most of a year on runs retention at start: the months older than the window are
 * dropped, audited and counted in {@code /metrics}, one series per retained table.
 */
class RetentionTest {

    final Http http = new Http();

    @Test
    void retentionRunsAtStartAndItsDropsAreAuditedAndCounted(@TempDir Path home) throws InterruptedException {
        MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(300)));
        try (InProcessSteppe steppe = InProcessSteppe.start(home, Map.of("STEPPE_RETENTION_DAYS", "90"), clock)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Map<String, Double> samples = metrics(steppe);
            while (!everyTableDropped(samples) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                samples = metrics(steppe);
            }
            for (RetainedTable table : RetainedTable.ALL) {
                double dropped = samples.get(dropped(table));
                assertTrue(dropped >= 1, table.name() + ": the months made at migration are past a 90-day window 300 days on");
                assertEquals((int) dropped, steppe.server.database().dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("partition.drop")
                        .and(AUDIT_LOG.ACTOR.eq(PartitionMaintenance.ACTOR)).and(AUDIT_LOG.DETAILS.cast(String.class)
                                .like("%\"table\": \"" + table.name() + "\"%"))), table.name() + ": one audit entry a drop");
            }
        }
    }

    private static boolean everyTableDropped(Map<String, Double> samples) {
        return RetainedTable.ALL.stream().allMatch(t -> samples.getOrDefault(dropped(t), 0.0) >= 1);
    }

    private static String dropped(RetainedTable table) {
        return "steppe_retention_partitions_dropped_total{table=\"" + table.name() + "\"}";
    }

    private Map<String, Double> metrics(InProcessSteppe steppe) {
        return PrometheusText.parse(http.get(steppe.api, "/metrics").body());
    }
}

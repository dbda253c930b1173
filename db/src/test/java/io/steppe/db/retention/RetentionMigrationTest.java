package io.steppe.db.retention;

import static io.steppe.db.schema.Tables.COA_REQUEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database with records from before the tables were partitioned keeps every one of them, in its month. */
class RetentionMigrationTest {

    @TempDir
    Path home;

    @Test
    void recordsWrittenBeforePartitioningAreMovedIntoTheirMonths() throws Exception {
        TestDatabases.Location location = TestDatabases.fresh();
        Flyway.configure(getClass().getClassLoader()).dataSource(location.url(), location.user().orElse(null), location.password().orElse(null))
                .locations("classpath:db/migration").target("42").loggers("slf4j").load().migrate();
        List<Instant> times = List.of(Instant.parse("2026-03-14T09:00:00Z"), Instant.parse("2026-05-01T00:00:00Z"),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        try (Connection c = DriverManager.getConnection(location.url(), location.user().orElse(null), location.password().orElse(null))) {
            DSLContext before = DSL.using(c, SQLDialect.POSTGRES);
            RetainedRows.accessPoint(before);
            for (RetainedTable table : RetainedTable.ALL) {
                times.forEach(t -> RetainedRows.insert(before, table, t));
            }
        }
        try (Database db = Database.open(location.config(home))) {
            for (RetainedTable table : RetainedTable.ALL) {
                assertEquals(times, RetainedRows.times(db.dsl(), table), table.name());
                assertEquals(1, db.dsl().fetchCount(DSL.table(DSL.name(table.name() + "_2026_03"))), table.name());
                assertEquals(1, db.dsl().fetchCount(DSL.table(DSL.name(table.name() + "_2026_05"))), table.name() + ": a month starts at 00:00 UTC");
                assertEquals(0, db.dsl().fetchCount(DSL.table(DSL.name(table.name() + "_default"))), table.name());
            }
            long last = db.dsl().select(DSL.max(COA_REQUEST.ID)).from(COA_REQUEST).fetchSingle().value1();
            RetainedRows.insert(db.dsl(), RetainedTable.ALL.get(1), Instant.now());
            assertTrue(db.dsl().select(DSL.max(COA_REQUEST.ID)).from(COA_REQUEST).fetchSingle().value1() > last, "ids go on");
        }
    }
}

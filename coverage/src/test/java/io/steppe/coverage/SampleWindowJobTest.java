package io.steppe.coverage;

import static io.steppe.db.schema.Tables.COVERAGE_CELL;
import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Samples count for STEPPE_COVERAGE_WINDOW_DAYS (365 by default); older ones stop counting and their months go. */
class SampleWindowJobTest {

    @Test
    void samplesOlderThanTheWindowStopCountingAndTheirMonthsAreDropped(@TempDir Path home) {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T00:00:00Z"));
        try (Database db = TestDatabases.freshMigrated(home)) {
            Coverage coverage = new Coverage(db, CoverageConfig.defaults(), H3Grid.load(), clock, home.resolve("reports"));
            coverage.importStream(survey("2026-01-05", 41.03), "january", "test");
            coverage.importStream(survey("2025-06-05", 41.10), "too-old", "test");
            assertEquals(1, coverage.gaps().list(Optional.of("46000")).size(), "January's gap counts in November");
            assertEquals(List.of(H3Grid.load().cell(41.03, 113.13, H3Grid.DECISION)), db.dsl().select(COVERAGE_CELL.H3).from(COVERAGE_CELL)
                    .where(COVERAGE_CELL.RESOLUTION.eq((short) H3Grid.DECISION)).fetch(COVERAGE_CELL.H3), "June 2025 is out of the window");

            SampleWindowJob job = new SampleWindowJob(coverage, () -> false);
            clock.advance(Duration.ofDays(70));
            job.runIfMyTurn();
            assertEquals(1, coverage.gaps().list(Optional.of("46000")).size(), "another node's turn: nothing changes here");

            new SampleWindowJob(coverage, () -> true).runIfMyTurn();
            assertEquals(0, coverage.gaps().list(Optional.of("46000")).size(), "a year on, January's samples no longer count");
            assertEquals(0, db.dsl().fetchCount(COVERAGE_CELL));
            assertEquals(0, db.dsl().fetchCount(COVERAGE_SAMPLE), "both months were dropped");
            coverage.importStream(survey("2026-03-05", 41.03), "march", "test");
            assertEquals(1, coverage.gaps().list(Optional.of("46000")).size(), "a month made again after the drops takes its samples");
        }
    }

    /** A fortnight of no service from three phones in one res-8 cell, a sample a day, spread over its res-9 cells. */
    private static ByteArrayInputStream survey(String firstDay, double lat) {
        StringBuilder csv = new StringBuilder("timestamp,lat,lon,mcc,mnc,rat,rsrp,device_id\n");
        for (int day = 0; day < 14; day++) {
            csv.append(Instant.parse(firstDay + "T02:00:00Z").plus(Duration.ofDays(day)).plusSeconds(3600L * (day % 5))).append(',')
                    .append(lat + 0.0015 * (day % 3 - 1)).append(",113.13,460,00,LTE,-125,phone-").append(day % 3).append('\n');
        }
        return new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}

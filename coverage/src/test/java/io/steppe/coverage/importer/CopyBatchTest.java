package io.steppe.coverage.importer;

import static io.steppe.db.schema.Tables.COVERAGE_IMPORT;
import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steppe.coverage.sample.Rat;
import io.steppe.coverage.sample.Sample;
import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyBatchTest {

    @TempDir
    Path home;
    Database db;
    long importId;

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
        importId = db.dsl().insertInto(COVERAGE_IMPORT).set(COVERAGE_IMPORT.SOURCE, "hand").set(COVERAGE_IMPORT.FORMAT, "steppe-csv")
                .set(COVERAGE_IMPORT.ACTOR, "t").set(COVERAGE_IMPORT.STARTED_AT, OffsetDateTime.parse("2026-11-26T08:00:00Z"))
                .returning(COVERAGE_IMPORT.ID).fetchOne().getId();
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** The formats keep such values out; this is the net below them, for a value that gets past them one day. */
    @Test
    void rowsPostgreSqlRefusesAreRefusedAloneWithTheirLinesAndTheRestIsStored() throws SQLException {
        TouchedCells touched = new TouchedCells();
        CopyBatch.Flushed done;
        try (Connection connection = db.dataSource().getConnection()) {
            CopyBatch batch = new CopyBatch(connection, importId);
            for (int i = 0; i < 40; i++) {
                String device = i == 11 ? "p\u0000" + i : "p" + i;
                Integer rsrp = i == 30 ? -200 : -90;
                batch.add(new Sample(1_763_604_000_000L + i, 41.03, 113.13, "46000", Rat.LTE, rsrp, null, null, null, null, device),
                        i + 2, i, 1, 10 + i, 20, 30);
            }
            done = batch.flush(touched);
        }
        assertEquals(38, done.copied());
        assertEquals(List.of(new CopyBatch.Refused(13, "device_id cannot be stored: invalid byte sequence for encoding \"UTF8\": 0x00"),
                new CopyBatch.Refused(32, "a value of this row cannot be stored: the value is not allowed")), done.refused());
        assertEquals(38, db.dsl().fetchCount(COVERAGE_SAMPLE));
        assertEquals(0, db.dsl().fetchCount(COVERAGE_SAMPLE, COVERAGE_SAMPLE.DEVICE.in("p11", "p30")));
    }
}

package io.steppe.coverage.importer;

import static io.steppe.db.schema.Tables.COVERAGE_IMPORT;
import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.coverage.sample.Rat;
import io.steppe.coverage.sample.Sample;
import io.steppe.coverage.sample.SampleClassifier;
import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyPipelineTest {

    @TempDir
    Path home;
    Database db;
    ImportEntry entry;

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
        entry = ImportEntry.start(db.dsl(), "hand", "steppe-csv", "t", OffsetDateTime.parse("2026-11-26T08:00:00Z"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Two full batches and a partial one: the first is copied while the second fills, the last on finishing. */
    @Test
    void everyBatchIsCountedOnceCommittedAndARefusedRowOnItsLine() throws Exception {
        int rows = 2 * CopyPipeline.BATCH + 7;
        ImportResult result;
        try (ImportReport report = ImportReport.create(home.resolve("reports"), entry.id(), entry.source())) {
            ImportTally tally = new ImportTally(report);
            try (Connection connection = db.dataSource().getConnection();
                 CopyPipeline copies = new CopyPipeline(connection, entry.id(), H3Grid.load(),
                         new SampleClassifier(CoverageConfig.defaults().signal()), tally)) {
                for (int i = 0; i < rows; i++) {
                    tally.accepted(i + 2, List.of());
                    Integer rsrp = i == 10 ? -200 : -90; // past the format, not past the table's check
                    copies.add(new Sample(1_763_604_000_000L + i * 1000L, 41.03 + i * 1e-6, 113.13, "46000", Rat.LTE, rsrp,
                            null, null, null, null, "p"), i + 2, i + 1);
                }
                copies.finish();
            }
            result = tally.result(entry);
        }
        assertEquals(rows - 1, result.added());
        assertEquals(rows - 1, result.accepted());
        assertEquals(1, result.rejected());
        assertEquals(rows - 1, db.dsl().fetchCount(COVERAGE_SAMPLE));
        assertEquals(List.of("line,outcome,reason", "12,rejected,\"a value of this row cannot be stored: the value is not allowed\""),
                Files.readAllLines(result.report()));
        assertEquals(1, db.dsl().fetchCount(COVERAGE_IMPORT));
        assertEquals(List.of("46000"), List.copyOf(result.touched().byOperator().keySet()));
    }
}

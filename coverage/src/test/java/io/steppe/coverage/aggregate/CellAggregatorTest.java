package io.steppe.coverage.aggregate;

import static io.steppe.db.schema.Tables.COVERAGE_CELL;
import static io.steppe.db.schema.Tables.COVERAGE_OBSERVATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.uber.h3core.util.LatLng;
import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.DriveLogs;
import io.steppe.coverage.SampleRows;
import io.steppe.coverage.importer.ImportResult;
import io.steppe.coverage.importer.SampleImporter;
import io.steppe.coverage.importer.TouchedCells;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import io.steppe.db.schema.tables.records.CoverageCellRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellAggregatorTest {

    static final H3Grid GRID = H3Grid.load();
    /** A res-8 cell in Jining and four of its res-9 children. */
    static final long CELL = GRID.cell(41.0336, 113.1330, H3Grid.DECISION);
    static final List<LatLng> SPOTS = GRID.children(CELL, H3Grid.DETAIL).stream().limit(4).map(GRID::centre).toList();
    static final Instant DAY = Instant.parse("2026-11-20T01:00:00Z");

    @TempDir
    Path home;
    Database db;
    SampleImporter importer;
    CellAggregator aggregator;

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
        // the real drive logs are from 2019: a ten-year window keeps them in
        CoverageConfig config = CoverageConfig.defaults().withZone(ZoneOffset.UTC).withWindowDays(3650);
        importer = new SampleImporter(db, config, GRID, new MutableClock(DAY), home.resolve("reports"));
        aggregator = new CellAggregator(db.dsl(), config, GRID, new MutableClock(DAY));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void onePassOfEightyRowsIsOneObservation() {
        SampleRows rows = new SampleRows();
        for (int i = 0; i < 80; i++) {
            rows.add(DAY.plusSeconds(i), SPOTS.get(0).lat, SPOTS.get(0).lng, "00", -90 - (i % 5), "car");
        }
        aggregator.update(rows.importWith(importer, "pass").touched());
        CoverageCellRecord cell = cell("46000", 8, CELL);
        assertEquals(1, cell.getObservations());
        assertEquals(80, cell.getSamples());
        assertEquals(-92, cell.getMedianRsrp().intValue());
        assertEquals("unmeasured", cell.getStatus());
    }

    @Test
    void aDeviceCountsAtMostThreeTimesPerCellPerDay() {
        SampleRows rows = new SampleRows();
        for (int h = 0; h < 8; h++) {
            rows.add(DAY.plus(Duration.ofHours(h)), SPOTS.get(h % 4).lat, SPOTS.get(h % 4).lng, "00", -80, "phone");
        }
        rows.add(DAY.plus(Duration.ofDays(1)), SPOTS.get(0).lat, SPOTS.get(0).lng, "00", -80, "phone");
        aggregator.update(rows.importWith(importer, "walk").touched());
        assertEquals(9, db.dsl().fetchCount(COVERAGE_OBSERVATION));
        CoverageCellRecord cell = cell("46000", 8, CELL);
        assertEquals(4, cell.getObservations());
        assertEquals(1, cell.getDevices());
        assertEquals("unmeasured", cell.getStatus());
    }

    @Test
    void plantedEvidenceIsJudgedGapCoveredOrUncertain() {
        SampleRows rows = new SampleRows();
        // China Mobile: two devices, six hours, no service anywhere: a gap of severity none
        // China Unicom: the same passes at -80 dBm: covered
        // China Telecom: two passes of six bad: not a gap (3 of 6 would be), not proven covered either
        for (int h = 0; h < 6; h++) {
            LatLng p = SPOTS.get(h % 4);
            String device = h % 2 == 0 ? "a" : "b";
            Instant t = DAY.plus(Duration.ofHours(h));
            rows.add(t, p.lat, p.lng, "00", null, device);
            rows.add(t, p.lat, p.lng, "01", -80, device);
            rows.add(t, p.lat, p.lng, "11", h < 2 ? -110 : -85, device);
        }
        for (int extra = 0; extra < 4; extra++) {
            LatLng p = SPOTS.get(extra);
            rows.add(DAY.plus(Duration.ofHours(10 + extra)), p.lat, p.lng, "01", -82, "c");
        }
        aggregator.update(rows.importWith(importer, "planted").touched());
        CoverageCellRecord mobile = cell("46000", 8, CELL);
        assertEquals("gap", mobile.getStatus());
        assertEquals("none", mobile.getSeverity());
        assertEquals(6, mobile.getNone());
        CoverageCellRecord unicom = cell("46001", 8, CELL);
        assertEquals("covered", unicom.getStatus());
        assertEquals(9, unicom.getObservations()); // device c passed four times that day: three count
        assertNull(unicom.getSeverity());
        assertEquals("uncertain", cell("46011", 8, CELL).getStatus());
        // one gap child of seven does not make the res-7 parent a gap (four would); each res-9 child alone has too little
        CoverageCellRecord parent = cell("46000", 7, GRID.parent(CELL, 7));
        assertEquals("uncertain", parent.getStatus());
        assertEquals(6, parent.getObservations());
        assertEquals("unmeasured", cell("46000", 9, GRID.cell(SPOTS.get(0).lat, SPOTS.get(0).lng, 9)).getStatus());
    }

    @Test
    void comparingTwoPeriodsShowsAGapFixedByANewMast() {
        SampleRows rows = new SampleRows();
        for (int day = 0; day < 4; day++) {
            for (int h = 0; h < 6; h++) {
                LatLng p = SPOTS.get(h % 4);
                // no service the first two days, good signal once the mast is up on day 3
                rows.add(DAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(h)), p.lat, p.lng, "00", day < 2 ? null : -80,
                        h % 2 == 0 ? "a" : "b");
            }
        }
        aggregator.update(rows.importWith(importer, "mast").touched());
        List<CellChange> changes = aggregator.changes("46000", new Periods(DAY.plus(Duration.ofDays(2)), Optional.empty(), Optional.empty()));
        assertEquals(1, changes.size());
        CellChange c = changes.get(0);
        assertEquals(CellStatus.GAP, c.before());
        assertEquals(CellStatus.COVERED, c.after());
        assertEquals(1, c.direction());
        assertEquals(12, c.observationsBefore());
    }

    @Test
    void theSecondPeriodEndsAtUntil() {
        SampleRows rows = new SampleRows();
        for (int day = 0; day < 6; day++) {
            for (int h = 0; h < 6; h++) {
                LatLng p = SPOTS.get(h % 4);
                // the mast of day 2 fails again on day 4
                rows.add(DAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(h)), p.lat, p.lng, "00", day == 2 || day == 3 ? -80 : null,
                        h % 2 == 0 ? "a" : "b");
            }
        }
        aggregator.update(rows.importWith(importer, "mast").touched());
        Instant at = DAY.plus(Duration.ofDays(2));
        CellChange bounded = aggregator.changes("46000", new Periods(at, Optional.of(DAY), Optional.of(DAY.plus(Duration.ofDays(4))))).get(0);
        assertEquals(CellStatus.COVERED, bounded.after());
        assertEquals(12, bounded.observationsAfter());
        CellChange open = aggregator.changes("46000", new Periods(at, Optional.empty(), Optional.empty())).get(0);
        assertEquals(CellStatus.GAP, open.after());
        assertEquals(24, open.observationsAfter());
        assertTrue(aggregator.changes("46000", new Periods(at, Optional.of(at), Optional.empty())).isEmpty(), "nothing before since is judged");
    }

    @Test
    void comparingTwoImportSourcesJudgesEachOnItsOwnSamples() {
        SampleRows lastYear = new SampleRows();
        SampleRows thisYear = new SampleRows();
        for (int day = 0; day < 2; day++) {
            for (int h = 0; h < 6; h++) {
                LatLng p = SPOTS.get(h % 4);
                Instant t = DAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(h));
                // the same hours, driven twice: no service in one drive test, good signal in the other
                lastYear.add(t, p.lat, p.lng, "00", null, h % 2 == 0 ? "a" : "b");
                thisYear.add(t.plusSeconds(30), p.lat, p.lng, "00", -80, h % 2 == 0 ? "c" : "d");
            }
        }
        aggregator.update(lastYear.importWith(importer, "drive-2025").touched());
        aggregator.update(thisYear.importWith(importer, "drive-2026").touched());
        List<CellChange> changes = aggregator.changes("46000", "drive-2025", "drive-2026");
        assertEquals(1, changes.size());
        assertEquals(CellStatus.GAP, changes.get(0).before());
        assertEquals(CellStatus.COVERED, changes.get(0).after());
        assertEquals(12, changes.get(0).observationsAfter());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> aggregator.changes("46000", "drive-2025", "drive-2027"));
        assertEquals("no import has the source 'drive-2027'", unknown.getMessage());
    }

    @Test
    void newSamplesRecomputeOnlyTheCellsTheyTouch() {
        long elsewhere = GRID.cell(40.9, 112.9, H3Grid.DECISION);
        LatLng far = GRID.centre(elsewhere);
        aggregator.update(new SampleRows().add(DAY, far.lat, far.lng, "00", -80, "x").importWith(importer, "first").touched());
        // mark the far cell so that a recomputation would show
        db.dsl().update(COVERAGE_CELL).set(COVERAGE_CELL.DEVICES, 99).where(COVERAGE_CELL.H3.eq(elsewhere)).execute();
        TouchedCells touched = new SampleRows().add(DAY, SPOTS.get(0).lat, SPOTS.get(0).lng, "00", -80, "y")
                .importWith(importer, "second").touched();
        assertEquals(1, touched.size());
        aggregator.update(touched);
        assertEquals(99, cell("46000", 8, elsewhere).getDevices());
        assertEquals(1, cell("46000", 8, CELL).getObservations());
    }

    @Test
    void incrementalUpdatesOfTheRealDriveLogsEqualAFullRebuild() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DriveLogs.dir().resolve("Download/Driving"))) {
            files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        for (Path f : files) {
            ImportResult r = importer.importFile(f, null, "test");
            aggregator.update(r.touched());
        }
        var incremental = db.dsl().selectFrom(COVERAGE_CELL).orderBy(COVERAGE_CELL.RESOLUTION, COVERAGE_CELL.H3).fetch();
        aggregator.rebuild();
        var full = db.dsl().selectFrom(COVERAGE_CELL).orderBy(COVERAGE_CELL.RESOLUTION, COVERAGE_CELL.H3).fetch();
        assertEquals(full, incremental);
        assertTrue(full.stream().filter(c -> c.getResolution() == 8).count() > 20);
        // one operator, one phone per trace: some cells have enough passes to be judged
        assertTrue(full.stream().anyMatch(c -> c.getResolution() == 8 && !c.getStatus().equals("unmeasured")), full.toString());
    }

    private CoverageCellRecord cell(String operator, int resolution, long h3) {
        return db.dsl().selectFrom(COVERAGE_CELL).where(COVERAGE_CELL.OPERATOR.eq(operator),
                COVERAGE_CELL.RESOLUTION.eq((short) resolution), COVERAGE_CELL.H3.eq(h3)).fetchOne();
    }
}

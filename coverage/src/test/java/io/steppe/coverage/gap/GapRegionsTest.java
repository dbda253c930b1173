package io.steppe.coverage.gap;

import static io.steppe.db.schema.Tables.ACCESS_POINT;
import static io.steppe.db.schema.Tables.COVERAGE_CELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.uber.h3core.util.LatLng;
import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.place.Place;
import io.steppe.coverage.place.PlaceImporter;
import io.steppe.coverage.place.PlaceKind;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import io.steppe.db.schema.tables.records.CoverageCellRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class GapRegionsTest {

    static final H3Grid GRID = H3Grid.load();
    static final GeometryFactory GEO = new GeometryFactory();
    static final long CENTRE = GRID.cell(41.0336, 113.1330, H3Grid.DECISION);
    static final LatLng MIDDLE = GRID.centre(CENTRE);
    static final LatLng EAST = GRID.disk(CENTRE).stream().flatMap(c -> GRID.boundary(c).stream())
            .max(java.util.Comparator.comparingDouble(p -> p.lng)).orElseThrow();

    @TempDir
    Path home;
    Database db;
    GapRegions gaps;

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
        gaps = new GapRegions(db.dsl(), CoverageConfig.defaults(), GRID, new MutableClock(Instant.parse("2026-11-26T08:00:00Z")));
        // about 2.4 km across: the centre cell and its ring
        for (long c : GRID.disk(CENTRE)) {
            cell("46000", c, "gap", "none");
        }
        double metresLon = 111_320 * Math.cos(Math.toRadians(MIDDLE.lat));
        new PlaceImporter(db.dsl()).store(List.of(
                new Place(PlaceKind.VILLAGE, "Inside", 300, point(MIDDLE.lat, MIDDLE.lng)),
                // 300 m east of the region's easternmost corner
                new Place(PlaceKind.VILLAGE, "Near", 120, point(EAST.lat, EAST.lng + 300 / metresLon)),
                new Place(PlaceKind.VILLAGE, "Far", 5000, point(MIDDLE.lat, MIDDLE.lng + 6000 / metresLon)),
                new Place(PlaceKind.SCENIC, "Lookout", 0, point(MIDDLE.lat + 0.001, MIDDLE.lng)),
                new Place(PlaceKind.ROAD, "Lane", 0, GEO.createLineString(new Coordinate[] {
                        new Coordinate(MIDDLE.lng - 250 / metresLon, MIDDLE.lat), new Coordinate(MIDDLE.lng + 250 / metresLon, MIDDLE.lat)}))),
                "test", "test");
        db.dsl().insertInto(ACCESS_POINT).set(ACCESS_POINT.ID, "ap-1").set(ACCESS_POINT.MAC, "02:00:5e:00:00:01")
                .set(ACCESS_POINT.NAME, "Square").set(ACCESS_POINT.LATITUDE, MIDDLE.lat).set(ACCESS_POINT.LONGITUDE, MIDDLE.lng)
                .set(ACCESS_POINT.TOKEN_HASH, new byte[32]).execute();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aRegionKnowsWhatItTouchesAndItsPriority() {
        assertEquals(1, gaps.recompute("46000"));
        Gap g = gaps.list(Optional.of("46000")).get(0);
        assertEquals(7, g.cells());
        assertEquals("none", g.severity());
        assertEquals(List.of("Inside", "Near"), g.villages());
        assertEquals(420, g.people());
        assertEquals(List.of("Lookout"), g.scenicSpots());
        assertEquals(0.5, g.roadKm(), 0.01);
        assertEquals(1, g.accessPoints());
        // (2 villages + 2 × 1 scenic + 0.5 km / 5 + 420 / 1000) × 2 (none) × min(1, 42 / 35)
        assertEquals(9.04, g.priority(), 0.001);
        assertEquals(7 * 60, g.samples());
    }

    @Test
    void statusSurvivesReaggregationAndAResolvedGapThatReturnsIsFlagged() {
        gaps.recompute("46000");
        long id = gaps.list(Optional.empty()).get(0).id();
        gaps.mark(id, GapStatus.CONFIRMED, null, "planner");
        // newer data: the gap grows by one cell; same region, same id and status
        cell("46000", GRID.cell(MIDDLE.lat, MIDDLE.lng + 0.03, H3Grid.DECISION), "gap", "poor");
        long grown = GRID.disk(GRID.disk(CENTRE).get(1)).stream().filter(c -> !GRID.disk(CENTRE).contains(c)).findFirst().orElseThrow();
        cell("46000", grown, "gap", "poor");
        gaps.recompute("46000");
        Gap again = gaps.list(Optional.of("46000")).stream().filter(g -> g.cells() == 8).findFirst().orElseThrow();
        assertEquals(id, again.id());
        assertEquals("confirmed", again.status());

        gaps.mark(id, GapStatus.RESOLVED, "new mast at Inside", "planner");
        db.dsl().update(COVERAGE_CELL).set(COVERAGE_CELL.STATUS, "covered").set(COVERAGE_CELL.SEVERITY, (String) null)
                .where(COVERAGE_CELL.H3.in(GRID.disk(CENTRE)).or(COVERAGE_CELL.H3.eq(grown))).execute();
        gaps.recompute("46000");
        assertTrue(gaps.list(Optional.of("46000")).stream().noneMatch(g -> g.id() == id));
        assertFalse(gaps.find(id).orElseThrow().reappeared());

        db.dsl().update(COVERAGE_CELL).set(COVERAGE_CELL.STATUS, "gap").set(COVERAGE_CELL.SEVERITY, "poor")
                .where(COVERAGE_CELL.H3.eq(CENTRE)).execute();
        gaps.recompute("46000");
        Gap back = gaps.find(id).orElseThrow();
        assertEquals("resolved", back.status());
        assertTrue(back.reappeared());
        assertEquals(1, back.cells());
    }

    @Test
    void dismissingNeedsANote() {
        gaps.recompute("46000");
        long id = gaps.list(Optional.empty()).get(0).id();
        assertEquals("dismissing a gap needs a note saying why",
                assertThrows(IllegalArgumentException.class, () -> gaps.mark(id, GapStatus.DISMISSED, " ", "p")).getMessage());
        assertEquals("dismissed", gaps.mark(id, GapStatus.DISMISSED, "military area", "p").status());
        assertThrows(NoSuchGapException.class, () -> gaps.mark(999, GapStatus.CONFIRMED, null, "p"));
    }

    @Test
    void theCrossOperatorViewLeavesOutCellsAnyOperatorCoversAndOptionallyThoseWithWifi() {
        cell("46001", CENTRE, "covered", null);
        for (long c : GRID.disk(CENTRE)) {
            cell("46011", c, "gap", "poor");
        }
        List<Gap> none = gaps.withoutAnyOperator(false);
        assertEquals(1, none.size());
        assertEquals(6, none.get(0).cells()); // a ring: the centre is covered by 46001
        assertEquals("all", none.get(0).operator());
        assertEquals("poor", none.get(0).severity());
        List<Gap> noWifi = gaps.withoutAnyOperator(true);
        // the AP at the centre reaches 100 m: none of the ring cells (their nearest edge is ~400 m away)
        assertEquals(6, noWifi.stream().mapToInt(Gap::cells).sum());
        db.dsl().update(ACCESS_POINT).set(ACCESS_POINT.LATITUDE, GRID.centre(GRID.disk(CENTRE).get(1)).lat)
                .set(ACCESS_POINT.LONGITUDE, GRID.centre(GRID.disk(CENTRE).get(1)).lng).execute();
        assertEquals(5, gaps.withoutAnyOperator(true).stream().mapToInt(Gap::cells).sum());
    }

    private void cell(String operator, long h3, String status, String severity) {
        CoverageCellRecord c = db.dsl().newRecord(COVERAGE_CELL);
        c.setOperator(operator);
        c.setResolution((short) 8);
        c.setH3(h3);
        c.setStatus(status);
        c.setSeverity(severity);
        c.setObservations(6);
        c.setBad(6);
        c.setDevices(2);
        c.setSamples(60L);
        c.setFirstSeen(OffsetDateTime.of(2026, 11, 20, 0, 0, 0, 0, ZoneOffset.UTC));
        c.setLastSeen(OffsetDateTime.of(2026, 11, 20, 6, 0, 0, 0, ZoneOffset.UTC));
        c.setMedianRsrp(severity == null ? (short) -85 : (short) -120);
        c.setGood(0);
        c.setFair(0);
        c.setPoor(0);
        c.setNone(6);
        db.dsl().insertInto(COVERAGE_CELL).set(c).onConflict(COVERAGE_CELL.OPERATOR, COVERAGE_CELL.RESOLUTION, COVERAGE_CELL.H3)
                .doUpdate().set(c).execute();
    }

    private static org.locationtech.jts.geom.Point point(double lat, double lon) {
        return GEO.createPoint(new Coordinate(lon, lat));
    }
}

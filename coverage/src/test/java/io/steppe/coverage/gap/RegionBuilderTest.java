package io.steppe.coverage.gap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.coverage.aggregate.Severity;
import io.steppe.coverage.sample.H3Grid;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

class RegionBuilderTest {

    static final H3Grid GRID = H3Grid.load();
    final RegionBuilder builder = new RegionBuilder(GRID);
    final long centre = GRID.cell(41.0336, 113.1330, H3Grid.DECISION);

    @Test
    void aCellAndItsRingAreOneHexagonalPolygon() {
        List<GapCell> cells = GRID.disk(centre).stream().map(c -> cell(c, Severity.NONE, -120)).toList();
        List<Region> regions = builder.regions(cells);
        assertEquals(1, regions.size());
        Region r = regions.get(0);
        assertEquals(7, r.cells().size());
        assertTrue(r.geometry() instanceof Polygon, r.geometry().getGeometryType());
        assertEquals(0, ((Polygon) r.geometry()).getNumInteriorRing());
        // shared edges dissolve: 6 outer cells × 3 outer edges each, 18 vertices + closing point... and the
        // area is the cells' sum (0.574 km² each at Ulanqab's latitude)
        assertEquals(7 * 0.574, r.areaKm2(), 0.02);
        assertEquals(Severity.NONE, r.severity());
        assertEquals(7 * 10, r.samples());
    }

    @Test
    void aRingWithoutItsCentreHasAHole() {
        List<GapCell> cells = GRID.disk(centre).stream().filter(c -> c != centre).map(c -> cell(c, Severity.POOR, -110)).toList();
        Region r = builder.regions(cells).get(0);
        assertEquals(1, ((Polygon) r.geometry()).getNumInteriorRing());
        assertEquals(Severity.POOR, r.severity());
        assertEquals(-110, r.medianRsrp().intValue());
    }

    @Test
    void cellsApartMakeSeparateRegionsLargestFirst() {
        long far = GRID.cell(40.9, 112.9, H3Grid.DECISION);
        List<GapCell> cells = new ArrayList<>(List.of(cell(far, Severity.NONE, -120)));
        GRID.disk(centre).stream().limit(2).forEach(c -> cells.add(cell(c, Severity.POOR, -108)));
        cells.add(cell(GRID.disk(centre).get(2), Severity.NONE, -125));
        List<Region> regions = builder.regions(cells);
        assertEquals(2, regions.size());
        assertEquals(3, regions.get(0).cells().size());
        assertEquals(Severity.POOR, regions.get(0).severity()); // two of three cells poor
        assertEquals(List.of(far), regions.get(1).cells());
    }

    private static GapCell cell(long h3, Severity severity, int rsrp) {
        return new GapCell(h3, severity, 10, 6, (short) rsrp, 0.001, true);
    }
}

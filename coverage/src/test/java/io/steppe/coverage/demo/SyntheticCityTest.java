package io.steppe.coverage.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.coverage.Coverage;
import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.importer.ImportResult;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The full pipeline (import → cells → gap regions) finds exactly the gaps planted in the synthetic city. */
class SyntheticCityTest {

    static final GeometryFactory GEO = new GeometryFactory();

    @Test
    void plantedGapsAreFoundWhereTheyAreAndNowhereElse(@TempDir Path home) throws IOException {
        SyntheticCity city = new SyntheticCity(7);
        Path csv = home.resolve("city.csv");
        long rows;
        try (Writer out = Files.newBufferedWriter(csv)) {
            rows = city.writeSamples(out, Instant.parse("2026-11-16T00:00:00Z"), 5, 12, 5);
        }
        try (Database db = TestDatabases.freshMigrated(home)) {
            Coverage coverage = new Coverage(db, CoverageConfig.defaults(), H3Grid.load(),
                    new MutableClock(Instant.parse("2026-11-26T00:00:00Z")), home.resolve("reports"));
            coverage.places().store(city.places(), "test", "synthetic");
            ImportResult r = coverage.importFile(csv, "synthetic", "test");
            assertEquals(rows, r.accepted());
            assertEquals(0, r.rejected());
            for (PlantedGap planted : SyntheticCity.GAPS) {
                for (String operator : planted.operators()) {
                    List<Gap> found = coverage.gaps().list(Optional.of(operator)).stream()
                            .filter(g -> g.geometry().isWithinDistance(GEO.createPoint(new Coordinate(planted.lon(), planted.lat())), 0.003))
                            .toList();
                    assertEquals(1, found.size(), planted.name() + " for " + operator);
                    Gap g = found.get(0);
                    assertEquals(planted.severity(), g.severity(), planted.name());
                    // a stretch of road 2 × radius long crosses a few res-8 cells (0.57 km² each)
                    assertTrue(g.cells() >= 2 && g.cells() <= 8, planted.name() + ": " + g.cells() + " cells");
                }
            }
            int planted = SyntheticCity.GAPS.stream().mapToInt(p -> p.operators().size()).sum();
            assertEquals(planted, coverage.gaps().list(Optional.empty()).size(), "no gap where none was planted");
            Gap dongsumu = coverage.gaps().list(Optional.of("46000")).get(0);
            assertTrue(dongsumu.villages().contains("Dongsumu"), dongsumu.villages().toString());
            List<Gap> nobody = coverage.gaps().withoutAnyOperator(false);
            assertEquals(1, nobody.size());
            assertTrue(nobody.get(0).scenicSpots().contains("Huitengxile Grassland"));
        }
    }
}

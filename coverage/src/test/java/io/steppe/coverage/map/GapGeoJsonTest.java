package io.steppe.coverage.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.coverage.aggregate.Severity;
import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.gap.GapCell;
import io.steppe.coverage.gap.Region;
import io.steppe.coverage.gap.RegionBuilder;
import io.steppe.coverage.place.PlaceLayer;
import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.sample.H3Grid;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;

/** The gap exports without a database: contract GeoJSON, and the SVG and PNG maps. */
class GapGeoJsonTest {

    static final H3Grid GRID = H3Grid.load();
    static final RegionBuilder HEXAGONS = new RegionBuilder(GRID);
    final long centre = GRID.cell(41.0336, 113.1330, H3Grid.DECISION);

    @Test
    void gapsAreContractFeaturesWithCounterClockwiseShellsAndClockwiseHoles() throws IOException {
        // a ring without its centre: a polygon with a hole
        Region ring = HEXAGONS.regions(GRID.disk(centre).stream().filter(c -> c != centre)
                .map(c -> new GapCell(c, Severity.NONE, 10, 6, null, 0.001, true)).toList()).get(0);
        Gap gap = new Gap(7, "46000", "new", null, false, "none", 6, ring.areaKm2(), 60, 36, null, List.of("Bayin"), 340,
                List.of(), 1.25, 0, 4.5, ring.geometry(), ring.cells(), "high", 0.001);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GapGeoJson(HEXAGONS).gaps(List.of(gap), out);
        Map<?, ?> collection = (Map<?, ?>) GeoJson.parse(new ByteArrayInputStream(out.toByteArray()));
        Map<?, ?> feature = (Map<?, ?>) ((List<?>) collection.get("features")).get(0);
        Map<?, ?> p = (Map<?, ?>) feature.get("properties");
        assertEquals("46000", p.get("operator"));
        assertEquals("none", p.get("severity"));
        assertEquals(6.0, p.get("cells"));
        assertEquals(List.of("Bayin"), p.get("villages"));
        assertEquals(List.of(), p.get("scenic_spots"));
        assertEquals(1.25, p.get("road_km"));
        assertEquals("high", p.get("confidence"));
        assertEquals(0.001, p.get("q_value"));
        assertTrue(p.containsKey("median_rsrp") && p.get("median_rsrp") == null, "no service: no RSRP");
        Map<?, ?> geometry = (Map<?, ?>) feature.get("geometry");
        assertEquals("Polygon", geometry.get("type"));
        List<?> rings = (List<?>) geometry.get("coordinates");
        assertEquals(2, rings.size());
        assertTrue(Orientation.isCCW(coordinates((List<?>) rings.get(0))), "RFC 7946 §3.1.6: exterior counter-clockwise");
        assertTrue(!Orientation.isCCW(coordinates((List<?>) rings.get(1))), "holes clockwise");
    }

    @Test
    void theMapDrawsGapsAsALayerInSvgAndPng() throws IOException {
        Region one = HEXAGONS.regions(List.of(new GapCell(centre, Severity.POOR, 10, 6, (short) -110, 0.01, true))).get(0);
        Gap gap = new Gap(3, "46001", "new", null, false, "poor", 1, one.areaKm2(), 10, 6, (short) -110, List.of(), 0,
                List.of(), 0, 0, 0, one.geometry(), one.cells(), "medium", 0.01);
        CoverageLayers.MapData data = new CoverageLayers.MapData("Gaps <&>", List.of(), List.of(gap),
                new PlaceLayer(List.of(), List.of(), CoverageConfig.defaults().ranking()));
        GapMap map = new GapMap(HEXAGONS);
        String svg = map.svg(data, 400, 300);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(svg.contains("class=\"gap gap-poor confidence-medium\"") && svg.contains("fill-opacity=\"0.4\"") && svg.contains(">#3</text>"), svg);
        assertTrue(svg.contains("<title>Gaps &lt;&amp;&gt;</title>"));
        var image = ImageIO.read(new ByteArrayInputStream(map.png(data, 400, 300)));
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
    }

    private static Coordinate[] coordinates(List<?> ring) {
        return ring.stream().map(c -> new Coordinate(((Number) ((List<?>) c).get(0)).doubleValue(),
                ((Number) ((List<?>) c).get(1)).doubleValue())).toArray(Coordinate[]::new);
    }
}

package io.steppe.coverage.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.place.Place;
import io.steppe.coverage.place.PlaceKind;
import io.steppe.coverage.place.PlaceLayer;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.web.CityBounds;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** The gap map's framing (the city, never a stray sample) and its labels (never one over another). */
class GapMapTest {

    private static final GeometryFactory GEO = new GeometryFactory();
    private static final GapMap MAP = new GapMap(GapGeoJsonTest.HEXAGONS);
    private static final Pattern TEXT = Pattern.compile("<text class=\"([a-z-]+)\" x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" font-family=\"sans-serif\" "
            + "font-size=\"([0-9]+)\" fill=\"#[0-9a-f]{6}\">([^<]*)</text>");

    @Test
    void aSampleFromIrelandIsLeftOffAndTheMapStillFramesUlanqab() {
        CoverageLayers.MapData data = data(List.of(cell(41.03, 113.13), cell(41.2, 112.9), cell(51.9, -8.47)),
                List.of(district("Jining", 112.9, 40.9, 113.3, 41.2)));
        CityMap inCity = MAP.within(data, CityBounds.ULANQAB);
        assertEquals(1, inCity.cellsLeftOut(), "Cork's cell");
        assertEquals(2, inCity.data().cells().size());
        MapView view = MAP.opening(inCity, CityBounds.ULANQAB, 960, 640);
        assertTrue(view.west() > 112.5 && view.east() < 113.7 && view.south() > 40.7 && view.north() < 41.4, view.toString());
        assertTrue(view.contains(41.03, 113.13) && view.contains(41.2, 112.9) && !view.contains(51.9, -8.47), view.toString());
        String svg = MAP.svg(inCity.data(), view, GapMap.Legend.ENGLISH, 960, 640);
        assertEquals(2, count(svg, "class=\"cell cell-unmeasured\""), svg);

        // without districts, the map is fitted to what was measured inside the city, still not to Cork
        CityMap measured = MAP.within(data(data.cells(), List.of()), CityBounds.ULANQAB);
        MapView fitted = MAP.opening(measured, CityBounds.ULANQAB, 960, 640);
        assertTrue(fitted.east() - fitted.west() < 1 && fitted.contains(41.03, 113.13), fitted.toString());
        // and the command line's export, which has no bounds, opens on the districts
        assertEquals(2, count(MAP.svg(data, 1200, 800), "class=\"cell cell-unmeasured\""));
    }

    @Test
    void viewsZoomPanAndKeepTheMapsProportions() {
        MapView v = MapView.parse("40.5,112.5,41.5,113.5").shaped(960, 640);
        assertEquals(1.0, v.north() - v.south(), 1e-6, "the height is kept, the width widened");
        double k = Math.cos(Math.toRadians(41));
        assertEquals(960.0 / 640, (v.east() - v.west()) * k / (v.north() - v.south()), 1e-3);
        MapView in = v.zoomed(0.5);
        assertEquals(0.5, in.north() - in.south(), 1e-6);
        assertEquals((v.west() + v.east()) / 2, (in.west() + in.east()) / 2, 1e-4);
        MapView north = v.panned(0.5, 0);
        assertEquals(v.south() + 0.5, north.south(), 1e-6);
        assertEquals(v.text(), MapView.parse(v.text()).text(), "a link's bbox reads back as the same view");
        MapView world = new MapView(-10, -170, 80, 170).zoomed(4);
        assertTrue(world.south() >= -90 && world.north() <= 90 && world.west() >= -180 && world.east() <= 180, world.toString());
        for (String bad : List.of("1,2,3", "41,113,40,114", "a,b,c,d", "41,200,42,201")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> MapView.parse(bad));
            assertTrue(e.getMessage().startsWith("bbox "), e.getMessage());
        }
    }

    @Test
    void labelsNeverCoverOneAnotherAndTheBiggestPlacesKeepTheirs() {
        List<Place> places = new ArrayList<>();
        places.add(district("Jining", 112.9, 40.9, 113.3, 41.2));
        for (int i = 0; i < 40; i++) {
            // forty villages within a few hundred metres: at this scale most names cannot be written
            places.add(new Place(PlaceKind.VILLAGE, "村" + i + " Cun", 100 + i, GEO.createPoint(new Coordinate(113.1 + i * 0.0005, 41.05 + (i % 3) * 0.0004))));
        }
        places.add(new Place(PlaceKind.SCENIC, "Jining Old Town", 0, GEO.createPoint(new Coordinate(113.1, 41.05))));
        CoverageLayers.MapData data = data(List.of(), places);
        MapView view = MAP.opening(MAP.within(data, CityBounds.ULANQAB), CityBounds.ULANQAB, 960, 640);
        String svg = MAP.svg(data, view, GapMap.Legend.ENGLISH, 960, 640);
        List<double[]> boxes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            if (m.group(1).equals("village-name") || m.group(1).equals("scenic-name")) {
                double x = Double.parseDouble(m.group(2));
                double y = Double.parseDouble(m.group(3));
                int size = Integer.parseInt(m.group(4));
                boxes.add(new double[] {x, y - size * 0.8, x + LabelLayout.textWidth(m.group(5), size), y + size * 0.25});
                names.add(m.group(5));
            }
        }
        assertEquals(40, count(svg, "class=\"village\""), "every village keeps its dot");
        assertTrue(names.size() < 41 && names.size() >= 3, names.toString());
        assertEquals("Jining Old Town", names.get(0), "scenic spots first: " + names);
        List<Integer> numbers = names.subList(1, names.size()).stream().map(n -> Integer.parseInt(n.replaceAll("[^0-9]", ""))).toList();
        assertEquals(numbers.stream().sorted(java.util.Comparator.reverseOrder()).toList(), numbers, "the most people first: " + names);
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] a = boxes.get(i);
                double[] b = boxes.get(j);
                // a tenth of a pixel for the SVG's rounding
                boolean overlap = a[0] < b[2] - 0.1 && b[0] < a[2] - 0.1 && a[1] < b[3] - 0.1 && b[1] < a[3] - 0.1;
                assertFalse(overlap, names.get(i) + " covers " + names.get(j));
            }
        }
    }

    private static CoverageLayers.MapData data(List<MapCell> cells, List<Place> places) {
        return new CoverageLayers.MapData("Gaps", cells, List.of(), new PlaceLayer(places, List.of(), CoverageConfig.defaults().ranking()));
    }

    private static MapCell cell(double lat, double lon) {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");
        return new MapCell("46000", 8, GapGeoJsonTest.GRID.cell(lat, lon, H3Grid.DECISION), "unmeasured", null, 1, 0, 1, 1, at, at,
                (short) -98, (short) -98, 0, 1, 0, 0);
    }

    private static Place district(String name, double west, double south, double east, double north) {
        return new Place(PlaceKind.DISTRICT, name, 0, GEO.createPolygon(new Coordinate[] {new Coordinate(west, south),
                new Coordinate(east, south), new Coordinate(east, north), new Coordinate(west, north), new Coordinate(west, south)}));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}

package io.steppe.coverage.map;

import io.steppe.coverage.gap.Confidence;
import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.gap.RegionBuilder;
import io.steppe.coverage.place.Place;
import io.steppe.coverage.place.PlaceKind;
import io.steppe.web.CityBounds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws a gap map from Steppe's own layers, no tiles: district outlines, roads, villages and scenic spots, the
 * res-8 cells by status (covered pale, {@code uncertain} and {@code unmeasured} in layers of their own) and the
 * gap regions, red for no service and orange for poor, labelled with their id. Equirectangular, showing one
 * {@link MapView}; labels that would cover one another are left out, the less important ones first.
 */
public final class GapMap {

    private static final Map<String, String> CELL_FILL = Map.of("covered", "#9fd4a3", "uncertain", "#f2d16b", "unmeasured", "#b9b9b9");
    private static final int TITLE_SIZE = 14;
    private static final int LEGEND_SIZE = 10;

    /** The words a map writes on itself besides its title: its legend's, in the reader's language. */
    public record Legend(String noService, String poor, String covered, String uncertain, String unmeasured) {

        /** What the command line's exports say. */
        public static final Legend ENGLISH = new Legend("gap: no service", "gap: poor", "covered", "uncertain", "unmeasured");

        String[][] items() {
            return new String[][] {{"#d7301f", noService}, {"#fc8d59", poor}, {"#9fd4a3", covered}, {"#f2d16b", uncertain},
                    {"#b9b9b9", unmeasured}};
        }
    }

    private final RegionBuilder hexagons;

    public GapMap(RegionBuilder hexagons) {
        this.hexagons = hexagons;
    }

    /** Everything in {@code data}, opened on its districts (else its places, else its cells), English legend. */
    public String svg(CoverageLayers.MapData data, int width, int height) {
        return svg(data, whole(data, width, height), Legend.ENGLISH, width, height);
    }

    public String svg(CoverageLayers.MapData data, MapView view, Legend legend, int width, int height) {
        SvgCanvas canvas = new SvgCanvas(width, height, data.title());
        draw(data, view, legend, canvas, width, height);
        return canvas.finish();
    }

    public byte[] png(CoverageLayers.MapData data, int width, int height) {
        PngCanvas canvas = new PngCanvas(width, height);
        draw(data, whole(data, width, height), Legend.ENGLISH, canvas, width, height);
        return canvas.finish();
    }

    /** {@code data} without what lies outside the city's bounds, and how much that was. */
    public CityMap within(CoverageLayers.MapData data, CityBounds city) {
        return CityMap.of(data, city, hexagons);
    }

    /** The view a map of {@code map} opens on: the city's districts, else its places, else what was measured. */
    public MapView opening(CityMap map, CityBounds city, int width, int height) {
        return map.fitted(city, hexagons, width, height);
    }

    private MapView whole(CoverageLayers.MapData data, int width, int height) {
        return new CityMap(data, 0, 0).fitted(CityBounds.WORLD, hexagons, width, height);
    }

    private void draw(CoverageLayers.MapData data, MapView view, Legend legend, Canvas canvas, int width, int height) {
        Frame frame = Frame.of(view, width, height);
        Envelope shown = view.envelope();
        for (Place d : data.places().of(PlaceKind.DISTRICT)) {
            polygons(canvas, frame, shown, d.geometry(), "#ffffff", 0.0, "#6d6a75", 1.2, "district");
        }
        for (MapCellStatus status : MapCellStatus.values()) {
            for (MapCell c : data.cells()) {
                if (c.status().equals(status.value)) {
                    polygons(canvas, frame, shown, hexagons.hexagon(c.h3()), CELL_FILL.get(c.status()), 0.55, "#ffffff", 0.3,
                            "cell cell-" + c.status());
                }
            }
        }
        for (Place r : data.places().of(PlaceKind.ROAD)) {
            for (int i = 0; i < r.geometry().getNumGeometries(); i++) {
                LineString line = (LineString) r.geometry().getGeometryN(i);
                if (shown.intersects(line.getEnvelopeInternal())) {
                    canvas.polyline(frame.xy(line.getCoordinates()), "#8a7f6a", 1.6, "road");
                }
            }
        }
        for (Gap g : data.gaps()) {
            boolean none = g.severity().equals("none");
            // a region proven by one cell alone is drawn paler than one that two or more cells prove
            boolean sure = Confidence.HIGH.value().equals(g.confidence());
            polygons(canvas, frame, shown, g.geometry(), none ? "#d7301f" : "#fc8d59", sure ? 0.75 : 0.4, none ? "#7f0000" : "#b34700",
                    1.2, "gap gap-" + g.severity() + " confidence-" + g.confidence());
        }
        labels(data, frame, shown, canvas, new LabelLayout(width, height), data.title(), legend, height);
        legend(canvas, height, data.title(), legend);
    }

    /** Gap numbers first (they are what the map is for, most urgent first), then scenic spots, then villages, biggest first. */
    private static void labels(CoverageLayers.MapData data, Frame frame, Envelope shown, Canvas canvas, LabelLayout layout,
                               String title, Legend legend, int height) {
        layout.reserve(0, 0, 10 + LabelLayout.textWidth(title, TITLE_SIZE) + 4, 24);
        double legendWidth = Arrays.stream(legend.items()).mapToDouble(i -> LabelLayout.textWidth(i[1], LEGEND_SIZE)).max().orElse(0);
        layout.reserve(0, height - 14 - 14 * (legend.items().length + 1), 27 + legendWidth + 4, height);
        for (Gap g : data.gaps()) {
            Coordinate at = g.geometry().getInteriorPoint().getCoordinate();
            if (g.id() > 0 && shown.contains(at)) {
                double[] xy = frame.xy(at);
                layout.centred(xy[0], xy[1], "#" + g.id(), 11)
                        .ifPresent(s -> canvas.text(s.x(), s.y(), "#" + g.id(), 11, "#000000", "gap-label"));
            }
        }
        for (Place s : data.places().of(PlaceKind.SCENIC)) {
            Coordinate at = s.geometry().getCentroid().getCoordinate();
            if (shown.contains(at)) {
                double[] xy = frame.xy(at);
                canvas.circle(xy[0], xy[1], 4.5, "#1b7837", "scenic");
                layout.beside(xy[0], xy[1], s.name(), 9).ifPresent(l -> canvas.text(l.x(), l.y(), s.name(), 9, "#1b7837", "scenic-name"));
            }
        }
        List<Place> villages = new ArrayList<>(data.places().of(PlaceKind.VILLAGE));
        villages.sort(Comparator.comparingInt(Place::population).reversed().thenComparing(Place::name));
        for (Place v : villages) {
            Coordinate at = v.geometry().getCentroid().getCoordinate();
            if (shown.contains(at)) {
                double[] xy = frame.xy(at);
                canvas.circle(xy[0], xy[1], 3, "#333333", "village");
                layout.beside(xy[0], xy[1], v.name(), 9).ifPresent(l -> canvas.text(l.x(), l.y(), v.name(), 9, "#333333", "village-name"));
            }
        }
    }

    private static void legend(Canvas canvas, int height, String title, Legend legend) {
        canvas.text(10, 18, title, TITLE_SIZE, "#222222", "title");
        String[][] items = legend.items();
        double y = height - 14 - 14 * items.length;
        for (String[] item : items) {
            canvas.polygon(new double[][] {{10, y - 9, 22, y - 9, 22, y + 1, 10, y + 1}}, item[0], 0.9, "#ffffff", 0.5, "legend");
            canvas.text(27, y, item[1], LEGEND_SIZE, "#222222", "legend");
            y += 14;
        }
    }

    private static void polygons(Canvas canvas, Frame frame, Envelope shown, Geometry g, String fill, double opacity, String stroke,
                                 double strokeWidth, String layer) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            if (!shown.intersects(p.getEnvelopeInternal())) {
                continue;
            }
            List<double[]> rings = new ArrayList<>();
            rings.add(frame.xy(p.getExteriorRing().getCoordinates()));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                rings.add(frame.xy(p.getInteriorRingN(h).getCoordinates()));
            }
            canvas.polygon(rings.toArray(new double[0][]), fill, opacity, stroke, strokeWidth, layer);
        }
    }

    private enum MapCellStatus {
        COVERED("covered"), UNCERTAIN("uncertain"), UNMEASURED("unmeasured");

        final String value;

        MapCellStatus(String value) {
            this.value = value;
        }
    }

    /** Longitude/latitude to pixels: the view fills the map, which {@link MapView#shaped} made keep ground proportions. */
    private record Frame(double minLon, double maxLat, double scaleX, double scaleY) {

        static Frame of(MapView view, int width, int height) {
            return new Frame(view.west(), view.north(), width / (view.east() - view.west()), height / (view.north() - view.south()));
        }

        double[] xy(Coordinate... coordinates) {
            double[] out = new double[coordinates.length * 2];
            for (int i = 0; i < coordinates.length; i++) {
                out[2 * i] = (coordinates[i].x - minLon) * scaleX;
                out[2 * i + 1] = (maxLat - coordinates[i].y) * scaleY;
            }
            return out;
        }
    }
}

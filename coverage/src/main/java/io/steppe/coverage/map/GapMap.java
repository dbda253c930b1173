package io.steppe.coverage.map;

import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.gap.RegionBuilder;
import io.steppe.coverage.place.Place;
import io.steppe.coverage.place.PlaceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws a gap map from Steppe's own layers, no tiles: district outlines, roads, villages and scenic spots, the
 * res-8 cells by status (covered pale, {@code uncertain} and {@code unmeasured} in layers of their own) and the
 * gap regions, red for no service and orange for poor, labelled with their id. Equirectangular, fitted to the data.
 */
public final class GapMap {

    private static final Map<String, String> CELL_FILL = Map.of("covered", "#9fd4a3", "uncertain", "#f2d16b", "unmeasured", "#b9b9b9");

    private final RegionBuilder hexagons;

    public GapMap(RegionBuilder hexagons) {
        this.hexagons = hexagons;
    }

    public String svg(CoverageLayers.MapData data, int width, int height) {
        SvgCanvas canvas = new SvgCanvas(width, height, data.title());
        draw(data, canvas, width, height);
        return canvas.finish();
    }

    public byte[] png(CoverageLayers.MapData data, int width, int height) {
        PngCanvas canvas = new PngCanvas(width, height);
        draw(data, canvas, width, height);
        return canvas.finish();
    }

    private void draw(CoverageLayers.MapData data, Canvas canvas, int width, int height) {
        Frame frame = Frame.fit(bounds(data), width, height);
        for (Place d : data.places().of(PlaceKind.DISTRICT)) {
            polygons(canvas, frame, d.geometry(), "#ffffff", 0.0, "#6d6a75", 1.2, "district");
        }
        for (MapCellStatus status : MapCellStatus.values()) {
            for (MapCell c : data.cells()) {
                if (c.status().equals(status.value)) {
                    polygons(canvas, frame, hexagons.hexagon(c.h3()), CELL_FILL.get(c.status()), 0.55, "#ffffff", 0.3,
                            "cell cell-" + c.status());
                }
            }
        }
        for (Place r : data.places().of(PlaceKind.ROAD)) {
            for (int i = 0; i < r.geometry().getNumGeometries(); i++) {
                canvas.polyline(frame.xy(((LineString) r.geometry().getGeometryN(i)).getCoordinates()), "#8a7f6a", 1.6, "road");
            }
        }
        for (Gap g : data.gaps()) {
            boolean none = g.severity().equals("none");
            polygons(canvas, frame, g.geometry(), none ? "#d7301f" : "#fc8d59", 0.75, none ? "#7f0000" : "#b34700", 1.2,
                    "gap gap-" + g.severity());
        }
        for (Place v : data.places().of(PlaceKind.VILLAGE)) {
            Point p = v.geometry().getCentroid();
            double[] xy = frame.xy(new Coordinate[] {p.getCoordinate()});
            canvas.circle(xy[0], xy[1], 3, "#333333", "village");
            canvas.text(xy[0] + 4, xy[1] - 3, v.name(), 9, "#333333", "village-name");
        }
        for (Place s : data.places().of(PlaceKind.SCENIC)) {
            double[] xy = frame.xy(new Coordinate[] {s.geometry().getCentroid().getCoordinate()});
            canvas.circle(xy[0], xy[1], 4.5, "#1b7837", "scenic");
            canvas.text(xy[0] + 6, xy[1] + 4, s.name(), 9, "#1b7837", "scenic-name");
        }
        for (Gap g : data.gaps()) {
            if (g.id() > 0) {
                double[] xy = frame.xy(new Coordinate[] {g.geometry().getInteriorPoint().getCoordinate()});
                canvas.text(xy[0] - 6, xy[1] + 4, "#" + g.id(), 11, "#000000", "gap-label");
            }
        }
        legend(canvas, height, data.title());
    }

    private static void legend(Canvas canvas, int height, String title) {
        canvas.text(10, 18, title, 14, "#222222", "title");
        String[][] items = {{"#d7301f", "gap: no service"}, {"#fc8d59", "gap: poor"}, {"#9fd4a3", "covered"},
                {"#f2d16b", "uncertain"}, {"#b9b9b9", "unmeasured"}};
        double y = height - 14 - 14 * items.length;
        for (String[] item : items) {
            canvas.polygon(new double[][] {{10, y - 9, 22, y - 9, 22, y + 1, 10, y + 1}}, item[0], 0.9, "#ffffff", 0.5, "legend");
            canvas.text(27, y, item[1], 10, "#222222", "legend");
            y += 14;
        }
    }

    private static void polygons(Canvas canvas, Frame frame, Geometry g, String fill, double opacity, String stroke,
                                 double strokeWidth, String layer) {
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            List<double[]> rings = new ArrayList<>();
            rings.add(frame.xy(p.getExteriorRing().getCoordinates()));
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                rings.add(frame.xy(p.getInteriorRingN(h).getCoordinates()));
            }
            canvas.polygon(rings.toArray(new double[0][]), fill, opacity, stroke, strokeWidth, layer);
        }
    }

    private Envelope bounds(CoverageLayers.MapData data) {
        Envelope e = new Envelope();
        data.places().places().forEach(p -> e.expandToInclude(p.geometry().getEnvelopeInternal()));
        data.gaps().forEach(g -> e.expandToInclude(g.geometry().getEnvelopeInternal()));
        data.cells().forEach(c -> e.expandToInclude(hexagons.hexagon(c.h3()).getEnvelopeInternal()));
        if (e.isNull()) {
            e.expandToInclude(113.13, 41.03); // Jining, when there is nothing yet
        }
        e.expandBy(Math.max(0.01, e.getWidth() * 0.03), Math.max(0.01, e.getHeight() * 0.03));
        return e;
    }

    private enum MapCellStatus {
        COVERED("covered"), UNCERTAIN("uncertain"), UNMEASURED("unmeasured");

        final String value;

        MapCellStatus(String value) {
            this.value = value;
        }
    }

    /** Longitude/latitude to pixels, keeping ground proportions at the map's middle latitude. */
    private record Frame(double minLon, double maxLat, double scaleX, double scaleY, double offsetX, double offsetY) {

        static Frame fit(Envelope e, int width, int height) {
            double k = Math.cos(Math.toRadians((e.getMinY() + e.getMaxY()) / 2));
            double scale = Math.min(width / (e.getWidth() * k), height / e.getHeight());
            double offsetX = (width - e.getWidth() * k * scale) / 2;
            double offsetY = (height - e.getHeight() * scale) / 2;
            return new Frame(e.getMinX(), e.getMaxY(), scale * k, scale, offsetX, offsetY);
        }

        double[] xy(Coordinate[] coordinates) {
            double[] out = new double[coordinates.length * 2];
            for (int i = 0; i < coordinates.length; i++) {
                out[2 * i] = offsetX + (coordinates[i].x - minLon) * scaleX;
                out[2 * i + 1] = offsetY + (maxLat - coordinates[i].y) * scaleY;
            }
            return out;
        }
    }
}

package io.steppe.coverage.map;

import io.steppe.web.CityBounds;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * The part of the world a map shows, in degrees: what a page's {@code ?bbox=south,west,north,east} asks for and what its
 * zoom and pan links change, so that the console zooms and pans with plain links and no tile server or script.
 */
public record MapView(double south, double west, double north, double east) {

    /** A view never narrower than this (about 100 m): below it one res-9 hexagon fills the map. */
    static final double SMALLEST = 0.001;

    public MapView {
        if (!(south >= -90 && north <= 90 && south < north && west >= -180 && east <= 180 && west < east)) {
            throw new IllegalArgumentException("bbox " + text(south, west, north, east)
                    + " is not south,west,north,east in degrees with south < north and west < east");
        }
    }

    /**
     * Parses {@code south,west,north,east}.
     *
     * @throws IllegalArgumentException naming {@code bbox} and what is wrong with it
     */
    public static MapView parse(String text) {
        try {
            // the same four numbers in the same order as STEPPE_CITY_BOUNDS, read by the same parser
            CityBounds b = CityBounds.parse(text);
            return new MapView(b.south(), b.west(), b.north(), b.east());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bbox " + e.getMessage(), e);
        }
    }

    /**
     * The view that shows {@code e} with a small margin on a {@code width} × {@code height} map, widened in one
     * direction to the map's proportions (ground distances kept at the middle latitude), so that what the view says is
     * exactly what the map shows and zooming or panning from it moves by what the reader sees.
     */
    public static MapView around(Envelope e, int width, int height) {
        double halfLat = e.getHeight() / 2 + Math.max(SMALLEST, e.getHeight() * 0.03);
        double halfLon = e.getWidth() / 2 + Math.max(SMALLEST, e.getWidth() * 0.03);
        return clamped(e.centre().y, e.centre().x, halfLat, halfLon).shaped(width, height);
    }

    /**
     * This view widened in one direction to a {@code width} × {@code height} map's proportions, keeping ground
     * distances at the middle latitude: a view asked for by a link may have any shape, the map shows at least it.
     */
    public MapView shaped(int width, int height) {
        double k = Math.cos(Math.toRadians((south + north) / 2));
        double groundWidth = (east - west) * k;
        double aspect = (double) width / height;
        double halfLat = (north - south) / 2;
        double halfLon = (east - west) / 2;
        if (groundWidth / (north - south) > aspect) {
            halfLat = groundWidth / aspect / 2;
        } else {
            halfLon = (north - south) * aspect / k / 2;
        }
        return clamped((south + north) / 2, (west + east) / 2, halfLat, halfLon);
    }

    /** The same centre, {@code factor} times as wide and high (½ zooms in, 2 zooms out). */
    public MapView zoomed(double factor) {
        return clamped((south + north) / 2, (west + east) / 2, Math.max(SMALLEST, (north - south) * factor) / 2,
                Math.max(SMALLEST, (east - west) * factor) / 2);
    }

    /** Moved by a share of its own height northwards and of its width eastwards (negative for south and west). */
    public MapView panned(double northShare, double eastShare) {
        return clamped((south + north) / 2 + (north - south) * northShare, (west + east) / 2 + (east - west) * eastShare,
                (north - south) / 2, (east - west) / 2);
    }

    public Envelope envelope() {
        return new Envelope(west, east, south, north);
    }

    public boolean contains(double lat, double lon) {
        return lat >= south && lat <= north && lon >= west && lon <= east;
    }

    /** The view as a {@code bbox} parameter: {@code 40.10000,111.20000,41.90000,114.30000}. */
    public String text() {
        return text(south, west, north, east);
    }

    private static String text(double s, double w, double n, double e) {
        return String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", s, w, n, e);
    }

    /** A view around a centre, kept on the globe: a view past a pole or the antimeridian is slid back. */
    private static MapView clamped(double lat, double lon, double halfLat, double halfLon) {
        double hLat = Math.min(halfLat, 90);
        double hLon = Math.min(halfLon, 180);
        double cLat = Math.max(-90 + hLat, Math.min(90 - hLat, lat));
        double cLon = Math.max(-180 + hLon, Math.min(180 - hLon, lon));
        return new MapView(round(cLat - hLat), round(cLon - hLon), round(cLat + hLat), round(cLon + hLon));
    }

    /** Five decimals (about a metre), as the links carry them, so that a view read back from a link is the same view. */
    private static double round(double v) {
        return Math.round(v * 100_000) / 100_000.0;
    }
}

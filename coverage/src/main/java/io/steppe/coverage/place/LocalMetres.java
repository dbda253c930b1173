package io.steppe.coverage.place;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * An equirectangular projection in metres around a reference latitude: within a city-sized area its distances
 * and lengths are off by well under 1 %, plenty for "within 500 m" and road kilometres.
 */
public final class LocalMetres {

    private static final double METRES_PER_DEGREE_LAT = 110_574;
    private static final double METRES_PER_DEGREE_LON_EQUATOR = 111_320;

    private final double lon0;
    private final double lat0;
    private final double xScale;

    public LocalMetres(double lat0, double lon0) {
        this.lat0 = lat0;
        this.lon0 = lon0;
        this.xScale = METRES_PER_DEGREE_LON_EQUATOR * Math.cos(Math.toRadians(lat0));
    }

    public static LocalMetres around(Geometry g) {
        Coordinate c = g.getEnvelopeInternal().centre();
        return new LocalMetres(c.y, c.x);
    }

    /** A projected copy of {@code g}. */
    public Geometry project(Geometry g) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, (seq.getX(i) - lon0) * xScale);
                seq.setOrdinate(i, 1, (seq.getY(i) - lat0) * METRES_PER_DEGREE_LAT);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    /** Degrees of latitude in {@code metres}, for a bounding-box search. */
    public static double degrees(double metres) {
        return metres / METRES_PER_DEGREE_LAT;
    }
}

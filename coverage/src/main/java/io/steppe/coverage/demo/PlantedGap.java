package io.steppe.coverage.demo;

import java.util.Set;

/** A gap the synthetic city hides: within {@code radiusMetres} of a point, the listed operators fail. */
public record PlantedGap(String name, double lat, double lon, double radiusMetres, Set<String> operators, String severity) {

    public boolean hits(String operator, double pLat, double pLon) {
        if (!operators.contains(operator)) {
            return false;
        }
        double dy = (pLat - lat) * 110_574;
        double dx = (pLon - lon) * 111_320 * Math.cos(Math.toRadians(lat));
        return dx * dx + dy * dy <= radiusMetres * radiusMetres;
    }
}

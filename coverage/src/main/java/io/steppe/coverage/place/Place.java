package io.steppe.coverage.place;

import org.locationtech.jts.geom.Geometry;

/** A village, scenic spot, road or district; geometry in WGS84 (x = longitude). Population may be 0 (unknown). */
public record Place(PlaceKind kind, String name, int population, Geometry geometry) {
}

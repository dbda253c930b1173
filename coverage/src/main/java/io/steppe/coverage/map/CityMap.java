package io.steppe.coverage.map;

import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.gap.RegionBuilder;
import io.steppe.coverage.place.Place;
import io.steppe.coverage.place.PlaceKind;
import io.steppe.coverage.place.PlaceLayer;
import io.steppe.web.CityBounds;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A map's layers within the city's bounds, and the view a map of them opens on. A sample from abroad (a phone that
 * logged in Ireland, a typo in a latitude) is evidence and stays stored, but drawn it would shrink the city to a few
 * pixels: cells, gaps and places whose middle is outside the bounds are left off the map and counted, so a page can
 * say so. The map opens on the city's districts, else its other places, else what was measured, else the bounds.
 *
 * @param cellsLeftOut cells outside the bounds, not drawn
 * @param gapsLeftOut  gap regions outside the bounds, not drawn
 */
public record CityMap(CoverageLayers.MapData data, int cellsLeftOut, int gapsLeftOut) {

    /** Jining, the city's seat: where an empty map of a city without bounds looks. */
    private static final Coordinate JINING = new Coordinate(113.13, 41.03);

    /** {@code data} without what lies outside {@code city}. */
    public static CityMap of(CoverageLayers.MapData data, CityBounds city, RegionBuilder hexagons) {
        List<MapCell> cells = data.cells().stream().filter(c -> inside(city, hexagons.hexagon(c.h3()))).toList();
        List<Gap> gaps = data.gaps().stream().filter(g -> inside(city, g.geometry())).toList();
        List<Place> places = data.places().places().stream().filter(p -> inside(city, p.geometry())).toList();
        PlaceLayer layer = places.size() == data.places().places().size() ? data.places() : data.places().only(places);
        return new CityMap(new CoverageLayers.MapData(data.title(), cells, gaps, layer), data.cells().size() - cells.size(),
                data.gaps().size() - gaps.size());
    }

    /** The view a {@code width} × {@code height} map opens on when the reader has not zoomed or panned. */
    public MapView fitted(CityBounds city, RegionBuilder hexagons, int width, int height) {
        Envelope e = new Envelope();
        data.places().of(PlaceKind.DISTRICT).forEach(d -> e.expandToInclude(d.geometry().getEnvelopeInternal()));
        if (e.isNull()) {
            data.places().places().forEach(p -> e.expandToInclude(p.geometry().getEnvelopeInternal()));
        }
        if (e.isNull()) {
            data.gaps().forEach(g -> e.expandToInclude(g.geometry().getEnvelopeInternal()));
            data.cells().forEach(c -> e.expandToInclude(hexagons.hexagon(c.h3()).getEnvelopeInternal()));
        }
        if (e.isNull() && !city.isWorld()) {
            e.expandToInclude(new Envelope(city.west(), city.east(), city.south(), city.north()));
        }
        if (e.isNull()) {
            e.expandToInclude(JINING);
        }
        return MapView.around(e, width, height);
    }

    private static boolean inside(CityBounds city, Geometry g) {
        Coordinate c = g.getEnvelopeInternal().centre();
        return city.contains(c.y, c.x);
    }
}

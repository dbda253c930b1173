package io.steppe.coverage.place;

import static io.steppe.db.schema.Tables.ACCESS_POINT;
import static io.steppe.db.schema.Tables.PLACE;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.map.GeoJson;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Every place and Wi-Fi AP, indexed (JTS STRtree) to answer what a gap region touches. Loaded once per
 * recomputation of the gap regions: a city has thousands of places, not millions.
 */
public final class PlaceLayer {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /** What one region touches. */
    public record Touches(List<String> villages, int people, List<String> scenicSpots, double roadKm, int accessPoints) {
    }

    private final List<Place> places;
    private final STRtree index = new STRtree();
    private final STRtree aps = new STRtree();
    private final CoverageConfig.Ranking ranking;

    public PlaceLayer(List<Place> places, List<Coordinate> accessPoints, CoverageConfig.Ranking ranking) {
        this.places = List.copyOf(places);
        this.ranking = ranking;
        for (Place p : places) {
            index.insert(p.geometry().getEnvelopeInternal(), p);
        }
        for (Coordinate ap : accessPoints) {
            aps.insert(new Envelope(ap), ap);
        }
    }

    public static PlaceLayer load(DSLContext dsl, CoverageConfig.Ranking ranking) {
        List<Place> places = dsl.selectFrom(PLACE).orderBy(PLACE.KIND, PLACE.NAME).fetch(r -> new Place(PlaceKind.parse(r.getKind()),
                r.getName(), r.getPopulation() == null ? 0 : r.getPopulation(), GeoJson.fromText(r.getGeometry(), FACTORY)));
        List<Coordinate> aps = dsl.select(ACCESS_POINT.LONGITUDE, ACCESS_POINT.LATITUDE).from(ACCESS_POINT)
                .where(ACCESS_POINT.LATITUDE.isNotNull())
                .fetch(r -> new Coordinate(r.value1(), r.value2()));
        return new PlaceLayer(places, aps, ranking);
    }

    /** The same places but only {@code kept}, and no APs: what a map draws, which shows no APs and ranks nothing. */
    public PlaceLayer only(List<Place> kept) {
        return new PlaceLayer(kept, List.of(), ranking);
    }

    public List<Place> places() {
        return places;
    }

    public List<Place> of(PlaceKind kind) {
        return places.stream().filter(p -> p.kind() == kind).toList();
    }

    /** What {@code region} (WGS84) touches: villages and scenic spots within reach, road kilometres inside, APs nearby. */
    public Touches touches(Geometry region) {
        LocalMetres metres = LocalMetres.around(region);
        Geometry projected = metres.project(region);
        double reach = Math.max(ranking.villageMeters(), ranking.apMeters());
        Envelope search = new Envelope(region.getEnvelopeInternal());
        search.expandBy(LocalMetres.degrees(reach) * 2);
        List<String> villages = new ArrayList<>();
        List<String> scenic = new ArrayList<>();
        int people = 0;
        double roadMetres = 0;
        for (Object o : index.query(search)) {
            Place p = (Place) o;
            Geometry g = metres.project(p.geometry());
            switch (p.kind()) {
                case VILLAGE -> {
                    if (projected.isWithinDistance(g, ranking.villageMeters())) {
                        villages.add(p.name());
                        people += p.population();
                    }
                }
                case SCENIC -> {
                    if (projected.isWithinDistance(g, ranking.villageMeters())) {
                        scenic.add(p.name());
                    }
                }
                case ROAD -> {
                    if (projected.intersects(g)) {
                        roadMetres += projected.intersection(g).getLength();
                    }
                }
                case DISTRICT -> {
                }
            }
        }
        int nearAps = 0;
        for (Object o : aps.query(search)) {
            if (projected.isWithinDistance(metres.project(FACTORY.createPoint((Coordinate) o)), ranking.apMeters())) {
                nearAps++;
            }
        }
        villages.sort(null);
        scenic.sort(null);
        return new Touches(villages, people, scenic, Math.round(roadMetres / 100.0) / 10.0, nearAps);
    }
}

package io.steppe.coverage.place;

import static io.steppe.db.schema.Tables.PLACE;

import io.steppe.coverage.map.GeoJson;
import io.steppe.coverage.sample.CsvLine;
import io.steppe.db.AuditLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;

/**
 * Reads places from a GeoJSON FeatureCollection (name and population from the properties, kind from
 * {@code --kind}, a {@code kind} property, or the geometry: point = village, line = road, polygon = district) or
 * from a CSV ({@code name,lat,lon[,population][,kind]}), converts them to WGS84 and stores them, replacing
 * a place of the same kind and name.
 */
public final class PlaceImporter {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final DSLContext dsl;

    public PlaceImporter(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<Place> read(Path file, Optional<PlaceKind> kind, ChinaCrs crs) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".csv") ? readCsv(in, kind, crs) : readGeoJson(in, kind, crs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stores the places in one transaction; returns how many. */
    public int store(List<Place> places, String actor, String source) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            for (Place p : places) {
                Envelope e = p.geometry().getEnvelopeInternal();
                tx.insertInto(PLACE).set(PLACE.KIND, p.kind().value()).set(PLACE.NAME, p.name())
                        .set(PLACE.POPULATION, p.population()).set(PLACE.GEOMETRY, GeoJson.toText(p.geometry()))
                        .set(PLACE.MIN_LAT, e.getMinY()).set(PLACE.MIN_LON, e.getMinX())
                        .set(PLACE.MAX_LAT, e.getMaxY()).set(PLACE.MAX_LON, e.getMaxX())
                        .onConflict(PLACE.KIND, PLACE.NAME).doUpdate()
                        .set(PLACE.POPULATION, p.population()).set(PLACE.GEOMETRY, GeoJson.toText(p.geometry()))
                        .set(PLACE.MIN_LAT, e.getMinY()).set(PLACE.MIN_LON, e.getMinX())
                        .set(PLACE.MAX_LAT, e.getMaxY()).set(PLACE.MAX_LON, e.getMaxX())
                        .execute();
            }
            Map<String, Object> details = new HashMap<>();
            details.put("places", places.size());
            AuditLog.record(tx, actor, "places.import", source, details);
            return places.size();
        });
    }

    private static UnaryOperator<Coordinate> converter(ChinaCrs crs) {
        return c -> {
            double[] w = crs.toWgs84(c.y, c.x);
            return new Coordinate(w[1], w[0]);
        };
    }

    private List<Place> readGeoJson(InputStream in, Optional<PlaceKind> kind, ChinaCrs crs) {
        Object json = GeoJson.parse(in);
        if (!(json instanceof Map<?, ?> root) || !(root.get("features") instanceof List<?> features)) {
            throw new IllegalArgumentException("expected a GeoJSON FeatureCollection with features");
        }
        List<Place> places = new ArrayList<>();
        int n = 0;
        for (Object f : features) {
            n++;
            try {
                Map<?, ?> feature = (Map<?, ?>) f;
                Map<?, ?> props = feature.get("properties") instanceof Map<?, ?> m ? m : Map.of();
                Geometry g = GeoJson.geometry(feature.get("geometry"), FACTORY, converter(crs));
                PlaceKind k = kind.orElseGet(() -> props.get("kind") instanceof String s ? PlaceKind.parse(s) : kindOf(g));
                places.add(place(k, text(props, "name", "NAME", "名称"), number(props.get("population")), g));
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new IllegalArgumentException("feature " + n + ": " + e.getMessage());
            }
        }
        return places;
    }

    private List<Place> readCsv(InputStream in, Optional<PlaceKind> kind, ChinaCrs crs) throws IOException {
        BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null) {
            throw new IllegalArgumentException("the file is empty: a header row name,lat,lon is required");
        }
        CsvLine csv = CsvLine.forHeader(header);
        Map<String, Integer> col = new HashMap<>();
        String[] names = csv.split(header);
        for (int i = 0; i < names.length; i++) {
            col.put(names[i].trim().toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("name", "lat", "lon")) {
            if (!col.containsKey(required)) {
                throw new IllegalArgumentException("the header lacks the required column '" + required + "'");
            }
        }
        List<Place> places = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = csv.split(line);
            try {
                double lat = Double.parseDouble(f[col.get("lat")].trim());
                double lon = Double.parseDouble(f[col.get("lon")].trim());
                Point p = FACTORY.createPoint(converter(crs).apply(checked(lat, lon)));
                PlaceKind k = kind.orElseGet(() -> col.containsKey("kind") ? PlaceKind.parse(f[col.get("kind")]) : PlaceKind.VILLAGE);
                Integer pop = col.containsKey("population") && !f[col.get("population")].isBlank()
                        ? (int) Double.parseDouble(f[col.get("population")].trim()) : null;
                places.add(place(k, f[col.get("name")].trim(), pop, p));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("line " + number + ": lat, lon and population must be numbers");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage());
            }
        }
        return places;
    }

    private static Coordinate checked(double lat, double lon) {
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lat " + lat + ", lon " + lon + " is off the globe");
        }
        return new Coordinate(lon, lat);
    }

    private static Place place(PlaceKind kind, String name, Integer population, Geometry g) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a place needs a name of 1 to 200 characters");
        }
        if (population != null && population < 0) {
            throw new IllegalArgumentException("population of " + name + " is negative");
        }
        boolean fits = switch (kind) {
            case VILLAGE, SCENIC -> g instanceof Point || g instanceof Polygonal;
            case ROAD -> g instanceof Lineal;
            case DISTRICT -> g instanceof Polygonal;
        };
        if (!fits) {
            throw new IllegalArgumentException(name + ": a " + kind.value() + " cannot be a " + g.getGeometryType());
        }
        return new Place(kind, name, population == null ? 0 : population, g);
    }

    private static PlaceKind kindOf(Geometry g) {
        return g instanceof Point ? PlaceKind.VILLAGE : g instanceof Lineal ? PlaceKind.ROAD : PlaceKind.DISTRICT;
    }

    private static String text(Map<?, ?> props, String... keys) {
        for (String k : keys) {
            if (props.get(k) instanceof String s && !s.isBlank()) {
                return s.trim();
            }
        }
        return null;
    }

    private static Integer number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return (int) Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("population '" + s + "' is not a number");
            }
        }
        return null;
    }
}

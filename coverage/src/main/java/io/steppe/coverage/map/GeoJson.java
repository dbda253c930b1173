package io.steppe.coverage.map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON (RFC 7946) geometries to and from JTS, on Jackson's streaming API: jts-io's GeoJSON reader would bring
 * json-simple, and jts2geojson an old jackson-databind. JTS coordinates are x = longitude, y = latitude.
 */
public final class GeoJson {

    public static final JsonFactory JSON = new JsonFactory();

    private GeoJson() {
    }

    /** A JSON document as maps, lists, strings, doubles, booleans and nulls. */
    public static Object parse(InputStream in) {
        try (JsonParser p = JSON.createParser(in)) {
            p.nextToken();
            return value(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                map.put(name, value(p));
            }
            return map;
        }
        if (t == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(p));
            }
            return list;
        }
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * A GeoJSON geometry object as JTS; {@code convert} maps each (lon, lat) coordinate, e.g. from GCJ-02 to WGS84.
     */
    public static Geometry geometry(Object json, GeometryFactory factory, UnaryOperator<Coordinate> convert) {
        if (!(json instanceof Map<?, ?> g) || !(g.get("type") instanceof String type)) {
            throw new IllegalArgumentException("a feature has no geometry object with a type");
        }
        Object c = g.get("coordinates");
        try {
            return switch (type) {
                case "Point" -> factory.createPoint(coordinate(c, convert));
                case "LineString" -> factory.createLineString(coordinates(c, convert));
                case "MultiLineString" -> factory.createMultiLineString(((List<?>) c).stream()
                        .map(l -> factory.createLineString(coordinates(l, convert))).toArray(LineString[]::new));
                case "Polygon" -> polygon(c, factory, convert);
                case "MultiPolygon" -> factory.createMultiPolygon(((List<?>) c).stream()
                        .map(p -> polygon(p, factory, convert)).toArray(Polygon[]::new));
                default -> throw new IllegalArgumentException("geometry type " + type + " is not supported");
            };
        } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("a " + type + " has malformed coordinates");
        }
    }

    private static Polygon polygon(Object rings, GeometryFactory factory, UnaryOperator<Coordinate> convert) {
        List<?> list = (List<?>) rings;
        LinearRing shell = factory.createLinearRing(coordinates(list.get(0), convert));
        LinearRing[] holes = list.stream().skip(1).map(r -> factory.createLinearRing(coordinates(r, convert))).toArray(LinearRing[]::new);
        return factory.createPolygon(shell, holes);
    }

    private static Coordinate[] coordinates(Object list, UnaryOperator<Coordinate> convert) {
        return ((List<?>) list).stream().map(c -> coordinate(c, convert)).toArray(Coordinate[]::new);
    }

    private static Coordinate coordinate(Object pair, UnaryOperator<Coordinate> convert) {
        List<?> xy = (List<?>) pair;
        double lon = ((Number) xy.get(0)).doubleValue();
        double lat = ((Number) xy.get(1)).doubleValue();
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("coordinate [" + lon + ", " + lat + "] is off the globe");
        }
        return convert.apply(new Coordinate(lon, lat));
    }

    /** Writes a geometry object (rounded to 7 decimals, about 1 cm). */
    public static void write(JsonGenerator out, Geometry g) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", g.getGeometryType());
        out.writeFieldName("coordinates");
        coordinates(out, g);
        out.writeEndObject();
    }

    private static void coordinates(JsonGenerator out, Geometry g) throws IOException {
        if (g instanceof Point p) {
            position(out, p.getCoordinate());
        } else if (g instanceof LineString l) {
            out.writeStartArray();
            for (Coordinate c : l.getCoordinates()) {
                position(out, c);
            }
            out.writeEndArray();
        } else if (g instanceof Polygon p) {
            out.writeStartArray();
            // RFC 7946: exterior rings counter-clockwise, holes clockwise
            LinearRing shell = p.getExteriorRing();
            coordinates(out, Orientation.isCCW(shell.getCoordinateSequence()) ? shell : shell.reverse());
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                LinearRing hole = p.getInteriorRingN(i);
                coordinates(out, Orientation.isCCW(hole.getCoordinateSequence()) ? hole.reverse() : hole);
            }
            out.writeEndArray();
        } else if (g instanceof MultiPolygon || g instanceof MultiLineString) {
            out.writeStartArray();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                coordinates(out, g.getGeometryN(i));
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write a " + g.getGeometryType());
        }
    }

    private static void position(JsonGenerator out, Coordinate c) throws IOException {
        out.writeStartArray();
        out.writeNumber(Math.round(c.x * 1e7) / 1e7);
        out.writeNumber(Math.round(c.y * 1e7) / 1e7);
        out.writeEndArray();
    }

    public static String toText(Geometry g) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            write(out, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public static Geometry fromText(String text, GeometryFactory factory) {
        return geometry(parse(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                factory, UnaryOperator.identity());
    }
}

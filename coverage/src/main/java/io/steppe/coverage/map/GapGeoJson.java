package io.steppe.coverage.map;

import com.fasterxml.jackson.core.JsonGenerator;
import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.gap.RegionBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The contract's Gap GeoJSON, and the cells as GeoJSON: FeatureCollections in WGS84 that QGIS opens as they are.
 * Lists (villages, scenic spots, cells) are JSON arrays; counts beside them are plain numbers.
 */
public final class GapGeoJson {

    private final RegionBuilder hexagons;

    public GapGeoJson(RegionBuilder hexagons) {
        this.hexagons = hexagons;
    }

    public void gaps(List<Gap> gaps, OutputStream out) throws IOException {
        collection(out, gaps, (g, gap) -> gap(g, gap, false));
    }

    /** Writes one feature of a collection. */
    private interface FeatureWriter<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    private static <T> void collection(OutputStream out, List<T> items, FeatureWriter<T> feature) throws IOException {
        try (JsonGenerator g = GeoJson.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            for (T item : items) {
                feature.write(g, item);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** One gap as a Feature, with its res-8 cell ids. */
    public void gap(Gap gap, OutputStream out) throws IOException {
        try (JsonGenerator g = GeoJson.JSON.createGenerator(out)) {
            gap(g, gap, true);
        }
    }

    private static void gap(JsonGenerator g, Gap gap, boolean withCells) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        if (gap.id() > 0) {
            g.writeNumberField("id", gap.id());
        }
        g.writeFieldName("geometry");
        GeoJson.write(g, gap.geometry());
        g.writeObjectFieldStart("properties");
        g.writeNumberField("id", gap.id());
        g.writeStringField("operator", gap.operator());
        g.writeStringField("severity", gap.severity());
        g.writeStringField("status", gap.status());
        if (gap.note() != null) {
            g.writeStringField("note", gap.note());
        }
        g.writeBooleanField("reappeared", gap.reappeared());
        g.writeNumberField("cells", gap.cells());
        g.writeNumberField("area_km2", gap.areaKm2());
        g.writeNumberField("samples", gap.samples());
        g.writeNumberField("observations", gap.observations());
        if (gap.medianRsrp() == null) {
            g.writeNullField("median_rsrp");
        } else {
            g.writeNumberField("median_rsrp", gap.medianRsrp());
        }
        g.writeNumberField("priority", gap.priority());
        g.writeStringField("confidence", gap.confidence());
        g.writeNumberField("q_value", gap.qValue());
        strings(g, "villages", gap.villages());
        g.writeNumberField("people", gap.people());
        strings(g, "scenic_spots", gap.scenicSpots());
        g.writeNumberField("road_km", gap.roadKm());
        g.writeNumberField("access_points", gap.accessPoints());
        if (withCells) {
            strings(g, "h3_cells", gap.cellIds().stream().map(Long::toHexString).toList());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    public void cells(List<MapCell> cells, OutputStream out) throws IOException {
        collection(out, cells, (g, c) -> {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeStringField("id", c.operator() + "-" + Long.toHexString(c.h3()));
            g.writeFieldName("geometry");
            GeoJson.write(g, hexagons.hexagon(c.h3()));
            g.writeObjectFieldStart("properties");
            g.writeStringField("h3", Long.toHexString(c.h3()));
            g.writeStringField("operator", c.operator());
            g.writeNumberField("resolution", c.resolution());
            g.writeStringField("status", c.status());
            if (c.severity() != null) {
                g.writeStringField("severity", c.severity());
            }
            g.writeNumberField("observations", c.observations());
            g.writeNumberField("bad", c.bad());
            g.writeNumberField("devices", c.devices());
            g.writeNumberField("samples", c.samples());
            g.writeStringField("first_seen", c.firstSeen().toInstant().toString());
            g.writeStringField("last_seen", c.lastSeen().toInstant().toString());
            number(g, "median_rsrp", c.medianRsrp());
            number(g, "p10_rsrp", c.p10Rsrp());
            int n = Math.max(1, c.observations());
            g.writeNumberField("good_share", Math.round(1000.0 * c.good() / n) / 1000.0);
            g.writeNumberField("fair_share", Math.round(1000.0 * c.fair() / n) / 1000.0);
            g.writeNumberField("poor_share", Math.round(1000.0 * c.poor() / n) / 1000.0);
            g.writeNumberField("none_share", Math.round(1000.0 * c.none() / n) / 1000.0);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** Cells judged on two periods, as GeoJSON with {@code before}, {@code after} and {@code change}. */
    public void changes(List<io.steppe.coverage.aggregate.CellChange> changes, OutputStream out) throws IOException {
        collection(out, changes, (g, c) -> {
            g.writeStartObject();
            g.writeStringField("type", "Feature");
            g.writeFieldName("geometry");
            GeoJson.write(g, hexagons.hexagon(c.h3()));
            g.writeObjectFieldStart("properties");
            g.writeStringField("h3", Long.toHexString(c.h3()));
            g.writeStringField("before", c.before().value());
            g.writeStringField("after", c.after().value());
            g.writeStringField("change", c.direction() > 0 ? "improved" : c.direction() < 0 ? "worsened" : "unchanged");
            g.writeNumberField("bad_before", c.badBefore());
            g.writeNumberField("observations_before", c.observationsBefore());
            g.writeNumberField("bad_after", c.badAfter());
            g.writeNumberField("observations_after", c.observationsAfter());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void number(JsonGenerator g, String name, Short value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}

package io.steppe.coverage.place;

import static io.steppe.db.schema.Tables.PLACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steppe.coverage.CoverageConfig;
import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;

class PlaceImporterTest {

    @TempDir
    Path home;
    Database db;
    PlaceImporter importer;

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
        importer = new PlaceImporter(db.dsl());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void geoJsonInGcj02IsStoredInWgs84() throws IOException {
        // Beijing's eviltransform point, given as GCJ-02 the way a layer traced on AMap would be
        Path f = home.resolve("layers.geojson");
        Files.writeString(f, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"Qianmen","population":1200},
                  "geometry":{"type":"Point","coordinates":[116.38404722455657,39.91334545536069]}},
                 {"type":"Feature","properties":{"name":"G6","kind":"road"},
                  "geometry":{"type":"LineString","coordinates":[[116.38,39.91],[116.39,39.92]]}},
                 {"type":"Feature","properties":{"NAME":"Jining"},
                  "geometry":{"type":"Polygon","coordinates":[[[116.3,39.9],[116.4,39.9],[116.4,40.0],[116.3,39.9]]]}}]}
                """);
        List<Place> places = importer.read(f, Optional.empty(), ChinaCrs.GCJ02);
        assertEquals(List.of(PlaceKind.VILLAGE, PlaceKind.ROAD, PlaceKind.DISTRICT), places.stream().map(Place::kind).toList());
        Point village = (Point) places.get(0).geometry();
        assertEquals(39.911954, village.getY(), 1e-7);
        assertEquals(116.377817, village.getX(), 1e-7);
        assertEquals(3, importer.store(places, "test", "layers.geojson"));
        assertEquals(3, importer.store(places, "test", "layers.geojson")); // same names: replaced, not doubled
        assertEquals(3, db.dsl().fetchCount(PLACE));
        PlaceLayer layer = PlaceLayer.load(db.dsl(), CoverageConfig.defaults().ranking());
        assertEquals(1200, layer.of(PlaceKind.VILLAGE).get(0).population());
    }

    @Test
    void csvVillagesAndTheirMistakes() throws IOException {
        Path f = home.resolve("villages.csv");
        Files.writeString(f, "name,lat,lon,population\nBayin,41.2,112.9,340\nHonggeer,41.3,112.8,\n");
        List<Place> places = importer.read(f, Optional.of(PlaceKind.VILLAGE), ChinaCrs.WGS84);
        assertEquals(2, places.size());
        assertEquals(0, places.get(1).population());
        Files.writeString(f, "name,lat,lon\nBayin,141.2,112.9\n");
        assertEquals("line 2: lat 141.2, lon 112.9 is off the globe",
                assertThrows(IllegalArgumentException.class, () -> importer.read(f, Optional.empty(), ChinaCrs.WGS84)).getMessage());
        Files.writeString(f, "name,latitude,lon\n");
        assertEquals("the header lacks the required column 'lat'",
                assertThrows(IllegalArgumentException.class, () -> importer.read(f, Optional.empty(), ChinaCrs.WGS84)).getMessage());
        Path road = home.resolve("road.csv");
        Files.writeString(road, "name,lat,lon\nG6,41.2,112.9\n");
        assertEquals("line 2: G6: a road cannot be a Point",
                assertThrows(IllegalArgumentException.class, () -> importer.read(road, Optional.of(PlaceKind.ROAD), ChinaCrs.WGS84)).getMessage());
    }
}

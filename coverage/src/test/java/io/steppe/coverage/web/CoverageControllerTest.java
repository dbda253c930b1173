package io.steppe.coverage.web;

import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload endpoint over real HTTP on loopback, against a fresh database. */
class CoverageControllerTest {

    static final String HEADER = "timestamp,lat,lon,mcc,mnc,rat,rsrp,device_id\n";

    @TempDir
    Path home;
    CoverageServer server;

    @BeforeEach
    void start() {
        server = new CoverageServer(home, io.steppe.web.CityBounds.ULANQAB);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aNulInAnUploadCostsOnlyItsRowOrFieldAndNamesNoSql() throws Exception {
        HttpResponse<String> answer = server.post("/api/coverage/samples?source=drive", "text/csv", HEADER
                + "2026-11-20T10:00:00+08:00,41.03,113.13,460,00,LTE,-98,p1\n"
                + "2026-11-20T10:00:01+08:00,41.03,113.13,460,00,LTE,-98,p\u00002\n"
                + "2026-11-20T10:00:02+08:00,41.0\u00003,113.13,460,00,LTE,-98,p3\n"
                + "2026-11-20T10:00:03+08:00,41.03,113.13,460,00,LTE,-98,p4\n");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"accepted\":3"), answer.body());
        assertTrue(answer.body().contains("\"3,warning,\\\"device_id has the character U+0000 at position 2"), answer.body());
        assertTrue(answer.body().contains("\"4,rejected,\\\"lat '41.0\\\\u00003' is not a number\\\"\""), answer.body());
        assertEquals(List.of("drive", "p1", "p4"), server.db.dsl().select(COVERAGE_SAMPLE.DEVICE).from(COVERAGE_SAMPLE)
                .orderBy(COVERAGE_SAMPLE.DEVICE).fetch(COVERAGE_SAMPLE.DEVICE));
        assertNoInternals(answer);
    }

    @Test
    void aSourceThePostgreSqlWouldRefuseIsA400NamingIt() throws Exception {
        HttpResponse<String> answer = server.post("/api/coverage/samples?source=drive%00x", "text/csv", HEADER
                + "2026-11-20T10:00:00+08:00,41.03,113.13,460,00,LTE,-98,p1\n");
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("source must be 1 to 200 characters, none of them a control character"), answer.body());
        assertNoInternals(answer);
    }

    @Test
    void jsonLinesAreReportedAsJsonLinesWithTheirOwnLineNumbers() throws Exception {
        HttpResponse<String> answer = server.post("/api/coverage/samples?source=app", "application/x-ndjson", """
                {"timestamp": 1763604000000, "lat": 41.03, "lon": 113.13, "mcc": 460, "mnc": "00", "rat": "LTE", "rsrp": -98}
                {"timestamp": 1763604001000, "lat": 91.5, "lon": 113.13, "mcc": 460, "mnc": "00", "rat": "LTE", "rsrp": -98}
                """);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"format\":\"json-lines\""), answer.body());
        assertTrue(answer.body().contains("\"problems\":[\"2,rejected,"), answer.body());
    }

    @Test
    void refusalsAreJsonWithOneErrorThatNamesTheProblem() throws Exception {
        assertError(server.get("/api/coverage/gaps/99"), 404, "no gap with id 99");
        assertError(server.post("/api/coverage/gaps/99/status", "application/json", "{\"status\":\"confirmed\"}"), 404, "no gap with id 99");
        assertError(server.get("/api/coverage/cells?resolution=5"), 400, "resolution must be 7, 8 or 9, was 5");
        assertError(server.get("/api/coverage/gaps?format=kml"), 400, "format 'kml' is not one of geojson, csv");
        assertError(server.get("/api/coverage/cells?format=xlsx", "Accept-Language", "zh-CN,zh"), 400, "format 必须是 geojson, csv 之一，收到的是“xlsx”");
        assertError(server.get("/api/coverage/gaps?operator=46099"), 400,
                "Operator '46099' is not the MCC-MNC of a network of mainland China, such as 46000, 46001 or 46011.");
        assertError(server.get("/api/coverage/changes"), 400, "operator (MCC-MNC) is required");
        assertError(server.get("/api/coverage/changes?operator=46000&at=2026-11-20T00:00:00Z&before_source=a"), 400,
                "compare either two sources (before_source and after_source) or two periods (at, since, until)");
    }

    @Test
    void cellsAndGapsDownloadAsCsvOrGeoJsonWithDatedNames() throws Exception {
        server.post("/api/coverage/samples?source=drive", "text/csv", HEADER
                + "2026-11-20T10:00:00+08:00,41.03,113.13,460,00,LTE,-98,p1\n"
                + "2026-11-20T10:00:00+08:00,41.20,112.90,460,00,LTE,-117,p2\n");
        HttpResponse<String> csv = server.get("/api/coverage/cells?operator=46000&format=csv");
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("text/csv;charset=utf-8", csv.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"steppe-cells-46000-20261126-1600.csv\"",
                csv.headers().firstValue("Content-Disposition").orElse(""), "16:00 in Ulanqab");
        List<List<String>> rows = CsvRows.parse(csv.body());
        List<String> header = rows.get(0);
        assertEquals("h3", header.get(0));
        assertEquals(3, rows.size(), csv.body());
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(header.size(), row.size(), row.toString());
            assertEquals("46000", row.get(header.indexOf("operator")));
            assertEquals(8, Integer.parseInt(row.get(header.indexOf("resolution"))));
            int rsrp = Integer.parseInt(row.get(header.indexOf("median_rsrp")));
            assertTrue(rsrp == -98 || rsrp == -117, row.toString());
            double lat = Double.parseDouble(row.get(header.indexOf("centre_lat")));
            assertTrue(lat > 41 && lat < 41.3, row.toString());
            Long.parseUnsignedLong(row.get(0), 16);
        }

        HttpResponse<String> accepted = server.get("/api/coverage/gaps", "Accept", "text/csv");
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertTrue(accepted.body().startsWith("rank,id,operator,severity,status,priority,"), accepted.body());
        assertEquals("attachment; filename=\"steppe-gaps-every-20261126-1600.csv\"",
                accepted.headers().firstValue("Content-Disposition").orElse(""));
        HttpResponse<String> geo = server.get("/api/coverage/gaps?operator=all&format=geojson");
        assertTrue(geo.headers().firstValue("Content-Type").orElse("").startsWith("application/geo+json"), geo.headers().toString());
        assertEquals("attachment; filename=\"steppe-gaps-all-20261126-1600.geojson\"", geo.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(server.get("/api/coverage/cells").body().startsWith("{\"type\":\"FeatureCollection\""), "GeoJSON by default");
    }

    /** The whole body, so that a handler that adds or renames a field is caught, not only one that changes the text. */
    private static void assertError(HttpResponse<String> answer, int status, String message) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("{\"error\":\"" + message + "\"}", answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), answer.headers().toString());
    }

    private static void assertNoInternals(HttpResponse<String> answer) {
        for (String internal : List.of("coverage_sample", "coverage_import", "ERROR:", "Exception", "COPY", "SQL")) {
            assertFalse(answer.body().contains(internal), internal + " in " + answer.body());
        }
    }
}

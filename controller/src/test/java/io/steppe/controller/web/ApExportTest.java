package io.steppe.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ControllerConfig;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AP list as CSV and GeoJSON downloads, asked for by {@code ?format=} or by {@code Accept}. */
class ApExportTest {

    @TempDir
    Path home;

    @Test
    void theCsvParsesWithItsQuotingAndTheGeoJsonHasPoints() throws Exception {
        try (ControllerHarness h = new ControllerHarness(home, ControllerConfig.defaults())) {
            h.gateway("gw-north", "10.9.0.1");
            String token = h.register("jn-01", 1, Optional.of("gw-north"));
            assertEquals(201, h.post("/api/aps", "application/json",
                    "{\"id\":\"jn-02\",\"mac\":\"AA-BB-CC-00-00-02\",\"name\":\"Square, \\\"east\\\" side\",\"site\":\"=cmd\"}").statusCode());
            h.heartbeat(token, "{\"clients\":90}");
            h.evaluate();

            HttpResponse<String> csv = h.get("/api/aps?format=csv");
            assertEquals(200, csv.statusCode(), csv.body());
            assertEquals("text/csv;charset=utf-8", csv.headers().firstValue("Content-Type").orElse(""));
            assertEquals("attachment; filename=\"steppe-aps-20260501-1600.csv\"", csv.headers().firstValue("Content-Disposition").orElse(""));
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv.body())).getRecords();
            assertEquals(2, rows.size(), csv.body());
            CSVRecord hot = rows.stream().filter(r -> r.get("id").equals("jn-01")).findFirst().orElseThrow();
            assertEquals("DEGRADED", hot.get("state"));
            assertEquals("clients", hot.get("reason_codes"));
            assertEquals("90 clients (threshold 60)", hot.get("reasons"));
            assertEquals("gw-north", hot.get("gateway"));
            assertEquals("41.03", hot.get("lat"));
            assertEquals("2026-05-01 16:00:00", hot.get("last_heartbeat"));
            CSVRecord quoted = rows.stream().filter(r -> r.get("id").equals("jn-02")).findFirst().orElseThrow();
            assertEquals("Square, \"east\" side", quoted.get("name"));
            assertEquals("'=cmd", quoted.get("site"), "a formula is defused");
            assertEquals("UNKNOWN", quoted.get("state"));

            HttpResponse<String> accepted = h.send(HttpRequest.newBuilder(h.uri("/api/aps")).header("Accept", "text/csv").build());
            assertEquals(200, accepted.statusCode(), "Accept: text/csv is served, not refused");
            assertTrue(accepted.body().startsWith("id,name,state,state_text,reason_codes,reasons,site,gateway,lat,lon,last_heartbeat\n"), accepted.body());
            String zh = h.get("/api/aps?format=csv", "zh-CN,zh").body();
            assertTrue(zh.contains("DEGRADED,性能下降,clients,90 个终端（阈值 60）"), zh);

            HttpResponse<String> geojson = h.get("/api/aps?format=geojson");
            assertEquals("application/geo+json", geojson.headers().firstValue("Content-Type").orElse(""));
            assertEquals("attachment; filename=\"steppe-aps-20260501-1600.geojson\"", geojson.headers().firstValue("Content-Disposition").orElse(""));
            assertTrue(geojson.body().startsWith("{\"type\":\"FeatureCollection\"") || geojson.body().contains("\"type\":\"FeatureCollection\""), geojson.body());
            assertTrue(geojson.body().contains("\"coordinates\":[113.13,41.03]") && geojson.body().contains("\"id\":\"jn-01\""), geojson.body());
            assertTrue(h.get("/api/aps").headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            HttpResponse<String> xls = h.get("/api/aps?format=xls");
            assertEquals(400, xls.statusCode());
            assertTrue(xls.body().contains("format 'xls' is not one of json, csv, geojson"), xls.body());
        }
    }
}

package io.steppe.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ControllerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inventory through the API: one AP as JSON, many as CSV, and the filters of the list. */
class ApControllerTest {

    @TempDir
    Path home;

    @Test
    void anApRegisteredThroughTheApiReportsWithTheTokenItWasGiven() {
        try (ControllerHarness h = new ControllerHarness(home, ControllerConfig.defaults())) {
            HttpResponse<String> created = h.post("/api/aps", "application/json",
                    "{\"id\":\"jn-01\",\"mac\":\"AA-BB-CC-00-00-01\",\"name\":\"Square\",\"site\":\"jining-centre\",\"lat\":41.03,\"lon\":113.13,"
                            + "\"model\":\"EAP225\",\"installDate\":\"2025-06-01\"}");
            assertEquals(201, created.statusCode(), created.body());
            Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(created.body());
            assertTrue(token.find());
            assertEquals(200, h.heartbeat(token.group(1), "{\"clients\":2}").statusCode());
            HttpResponse<String> bad = h.post("/api/aps", "application/json", "{\"id\":\"jn-02\",\"mac\":\"nope\",\"name\":\"x\"}");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("'nope' is not a MAC address"), bad.body());
            assertEquals(400, h.post("/api/aps", "application/json", "{\"id\":\"jn-01\",\"mac\":\"aa:bb:cc:00:00:09\",\"name\":\"x\"}").statusCode());
        }
    }

    @Test
    void aCsvImportThroughTheApiReportsBadRowsByLineAndTheListFiltersByStateAndSite() {
        try (ControllerHarness h = new ControllerHarness(home, ControllerConfig.defaults())) {
            HttpResponse<String> imported = h.post("/api/aps/import", "text/csv",
                    "id,mac,name,site\njn-01,aa:bb:cc:00:00:01,Square,jining-centre\njn-02,zz,Station,jining-centre\nhtx-01,aa:bb:cc:00:00:03,Gate,huitengxile\n");
            assertEquals(200, imported.statusCode(), imported.body());
            assertTrue(imported.body().contains("\"added\":2") && imported.body().contains("\"line 3: 'zz' is not a MAC address\""),
                    imported.body());
            Matcher token = Pattern.compile("\"jn-01\":\"([^\"]+)\"").matcher(imported.body());
            assertTrue(token.find());
            h.heartbeat(token.group(1), "{}");
            h.evaluate();
            assertEquals(1, HealthAndAlertsTest.count(h.get("/api/aps?state=up").body(), "\"id\":"));
            assertEquals(1, HealthAndAlertsTest.count(h.get("/api/aps?state=UNKNOWN&site=huitengxile").body(), "\"id\":"));
            assertEquals(0, HealthAndAlertsTest.count(h.get("/api/aps?state=DOWN").body(), "\"id\":"));
            assertEquals(400, h.get("/api/aps?state=sleepy").statusCode());
        }
    }

    @Test
    void refusalsAreJsonWithOneErrorThatNamesTheProblem() {
        try (ControllerHarness h = new ControllerHarness(home, ControllerConfig.defaults())) {
            h.register("jn-01", 1, java.util.Optional.empty());
            assertError(h.get("/api/aps/nope"), 404, "no AP with id 'nope'");
            assertError(h.get("/api/aps/nope/history"), 404, "no AP with id 'nope'");
            assertError(h.get("/api/aps?state=sleepy"), 400, "state must be one of UP, DEGRADED, DOWN, UNREACHABLE, UNKNOWN");
            assertError(h.get("/api/aps/jn-01/history?from=yesterday"), 400,
                    "from must be ISO-8601 with an offset, e.g. 2026-05-01T00:00:00Z, was 'yesterday'");
            assertError(h.get("/api/aps/jn-01/history?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z"), 400,
                    "from must be before to, at most 400 days apart");
            assertError(h.post("/api/aps", "application/json", "{\"id\":\"jn-02\",\"name\":\"x\"}"), 400, "id, mac and name are required");
            assertError(h.post("/api/aps", "application/json",
                    "{\"id\":\"jn-02\",\"mac\":\"aa:bb:cc:00:00:02\",\"name\":\"x\",\"installDate\":\"June\"}"), 400,
                    "installDate must be YYYY-MM-DD");
            assertError(h.get("/api/alerts?state=closed"), 400, "state must be 'open' or 'all'");
        }
    }

    /** The whole body, so that a handler that adds or renames a field is caught, not only one that changes the text. */
    private static void assertError(HttpResponse<String> answer, int status, String message) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("{\"error\":\"" + message + "\"}", answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), answer.headers().toString());
    }
}

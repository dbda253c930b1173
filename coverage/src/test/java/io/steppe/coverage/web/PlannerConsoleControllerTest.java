package io.steppe.coverage.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planners' pages in the console's layout; gaps planted in samples are ops' end-to-end CoverageTest. */
class PlannerConsoleControllerTest {

    @TempDir
    Path home;

    @Test
    void theGapMapOffersEachOperatorLayersAndTheGapList() throws Exception {
        try (CoverageServer server = new CoverageServer(home)) {
            assertEquals(200, server.post("/api/coverage/samples?source=drive", "text/csv", "timestamp,lat,lon,mcc,mnc,rat,rsrp\n"
                    + "2026-11-20T10:00:00+08:00,41.03,113.13,460,00,LTE,-98\n").statusCode());
            HttpResponse<String> page = server.get("/console/coverage");
            assertEquals(200, page.statusCode(), page.body());
            String body = page.body();
            assertTrue(body.contains("<link rel=\"stylesheet\" href=\"/console/assets/console.css\">") && !body.contains("<script>"), body);
            assertTrue(body.contains("<title>4G gaps of every operator</title>") && body.contains("<strong>4G gap map</strong>"), body);
            assertTrue(body.contains("test-planner (planner)"), "who is signed in: " + body);
            assertTrue(body.contains("<strong>every operator</strong>") && body.contains("<a href=\"/console/coverage?operator=46000\">46000 China Mobile</a>")
                    && body.contains("<a href=\"/console/coverage?operator=all&amp;wifi=exclude\">… nor Steppe Wi-Fi</a>"), body);
            for (String layer : new String[] {"covered", "uncertain", "unmeasured", "villages"}) {
                assertTrue(body.contains("<input type=\"checkbox\" id=\"show-" + layer + "\" checked>"), layer + ": " + body);
            }
            assertTrue(body.contains("id=\"gap-map\"") && body.contains("<table id=\"gap-list\">"), body);
            assertTrue(body.contains("<td colspan=\"11\">No gap proven by the samples so far.</td>"), body);
            assertTrue(body.contains("<a href=\"/api/coverage/gaps\">gap regions</a>, <a href=\"/api/coverage/cells\">cells</a>"), body);

            String one = server.get("/console/coverage?operator=46000").body();
            assertTrue(one.contains("<strong>46000 China Mobile</strong>") && one.contains("<a href=\"/api/coverage/gaps?operator=46000\">"), one);
        }
    }

    @Test
    void refusalsArePagesThatSayWhyEscaped() throws Exception {
        try (CoverageServer server = new CoverageServer(home)) {
            HttpResponse<String> bad = server.get("/console/coverage?operator=%3Cx%3E");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("<p class=\"error\">") && bad.body().contains("&lt;x&gt;") && !bad.body().contains("<x>"), bad.body());
            HttpResponse<String> missing = server.get("/console/coverage/gaps/99");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("<p>No gap with id 99.</p>"), missing.body());
            HttpResponse<String> forged = server.post("/console/coverage/gaps/99/status", "application/x-www-form-urlencoded", "status=confirmed");
            assertEquals(403, forged.statusCode());
            assertTrue(forged.body().contains("This form did not come from your console session; nothing was changed.")
                    && forged.body().contains("<a href=\"/console/coverage/gaps/99\">Open the gap again and save from there</a>"), forged.body());
            assertFalse(forged.body().contains("<form method=\"post\" action=\"/console/coverage/gaps/"), forged.body());
        }
    }
}

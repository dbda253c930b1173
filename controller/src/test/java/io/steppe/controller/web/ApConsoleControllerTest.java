package io.steppe.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ControllerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operators' AP pages: the list with its map, one AP with its chart, and their scripts, in the console's layout. */
class ApConsoleControllerTest {

    @TempDir
    Path home;

    @Test
    void theListShowsCountsMapAndTableWithNamesEscaped() {
        try (ControllerHarness h = new ControllerHarness(home, ControllerConfig.defaults())) {
            String token = h.register("jn-01", 1, Optional.empty());
            h.register("jn-02", 2, Optional.empty());
            HttpResponse<String> hostile = h.post("/api/aps", "application/json",
                    "{\"id\":\"jn-03\",\"mac\":\"AA-BB-CC-00-00-03\",\"name\":\"<b>Square</b> & 'co'\",\"site\":\"<i>north</i>\",\"lat\":41.04,\"lon\":113.14}");
            assertEquals(201, hostile.statusCode(), hostile.body());
            h.heartbeat(token, "{\"clients\":4}");
            h.evaluate();

            HttpResponse<String> page = h.get("/console/aps");
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            String body = page.body();
            assertTrue(body.contains("<link rel=\"stylesheet\" href=\"/console/assets/console.css\">"), body);
            assertTrue(body.contains("<script src=\"/console/assets/live.js\"></script>") && !body.contains("/console/assets/aps/"), body);
            assertTrue(body.contains("<div id=\"aps-live\" data-live=\"/console/aps?part=live\" data-every=\"5\">"), body);
            assertTrue(body.contains("<a class=\"badge UP\" href=\"/console/aps?state=UP\">Up <span data-count=\"UP\">1</span></a>"), body);
            assertTrue(body.contains("<svg id=\"ap-map\"") && body.contains("<circle data-id=\"jn-03\""), body);
            assertTrue(body.contains("<title>2 APs: Unknown 1, Up 1</title></circle><text x=\"292.3\" y=\"469.1\" dy=\"4\" font-size=\"11\" fill=\"#fff\" text-anchor=\"middle\">2</text>"),
                    "jn-01 and jn-02 at one spot are one marker with their count: " + body);
            assertTrue(body.contains("<polygon points=\""), "a site outline: " + body);
            assertTrue(body.contains("<tr data-id=\"jn-01\"><td><a href=\"/console/aps/jn-01\">jn-01</a></td>"), body);
            assertTrue(body.contains("<td>2026-05-01 16:00:00 (just now)</td>"), "the last heartbeat in the city's time: " + body);
            assertTrue(body.contains("<td>&lt;b&gt;Square&lt;/b&gt; &amp; &#39;co&#39;</td>"), body);
            assertTrue(body.contains("<option value=\"&lt;i>north&lt;/i>\">&lt;i&gt;north&lt;/i&gt;</option>"), body);
            assertFalse(body.contains("<b>Square") || body.contains("<i>north"), body);
            assertTrue(body.contains("<p class=\"muted\">3 APs</p>"), body);

            String filtered = h.get("/console/aps?state=UP").body();
            assertTrue(filtered.contains("<option selected value=\"UP\">Up</option>") && filtered.contains("<p class=\"muted\">1 APs</p>"), filtered);
            assertTrue(filtered.contains("data-live=\"/console/aps?state=UP&amp;part=live\""), filtered);
            assertTrue(filtered.contains("href=\"/api/aps?state=UP&amp;format=csv\""), filtered);

            String live = h.get("/console/aps?state=UP&part=live").body();
            assertTrue(live.startsWith("<section id=\"counts\">") && !live.contains("<html") && live.contains("<p class=\"muted\">1 APs</p>"), live);
            String zh = h.get("/console/aps?part=live", "zh-CN,zh;q=0.9,en;q=0.8").body();
            assertTrue(zh.contains(">正常 <span data-count=\"UP\">1</span>") && zh.contains("共 3 个 AP"), zh);
        }
    }

    @Test
    void oneApShowsItsFactsAndItsChartRefreshedInPlace() {
        try (ControllerHarness h = new ControllerHarness(home, ControllerConfig.defaults())) {
            String token = h.register("jn-01", 1, Optional.empty());
            h.heartbeat(token, "{\"clients\":4,\"channel_utilization\":0.4}");
            h.evaluate();
            h.advance(Duration.ofMinutes(1));

            HttpResponse<String> page = h.get("/console/aps/jn-01");
            assertEquals(200, page.statusCode(), page.body());
            String body = page.body();
            assertTrue(body.contains("<a href=\"/console/aps\">Access points</a>") && body.contains("<strong>jn-01</strong>"), body);
            assertTrue(body.contains("<div id=\"ap-live\" data-live=\"/console/aps/jn-01?part=live\" data-every=\"5\">"), body);
            assertTrue(body.contains("<section id=\"ap\" data-ap=\"jn-01\"><h1>AP jn-01 <span id=\"state\" class=\"UP\" data-state=\"UP\">Up</span></h1>"), body);
            assertTrue(body.contains("<tr><th>MAC</th><td>02:00:5e:00:00:01</td></tr>"), body);
            assertTrue(body.contains("<div id=\"chart\"><svg id=\"history\" viewBox=\"0 0 900 260\""), body);

            String live = h.get("/console/aps/jn-01?part=live").body();
            assertTrue(live.startsWith("<section id=\"ap\"") && live.contains("<title>clients</title>"), live);
            Matcher band = Pattern.compile("<rect class=\"band UP\" x=\"[0-9.]+\" y=\"213\" width=\"[0-9.]+\" height=\"14\" fill=\"#2e9d4f\">"
                    + "<title>Up from 2026-05-01 16:00:00</title>").matcher(live);
            assertTrue(band.find(), "a green band while UP: " + live);

            HttpResponse<String> missing = h.get("/console/aps/%3Cnope%3E");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("<p>No AP with id “&lt;nope&gt;” (or it is not evaluated yet).</p>"), missing.body());
            HttpResponse<String> missingZh = h.get("/console/aps/nope", "zh-CN,zh");
            assertEquals(404, missingZh.statusCode());
            assertTrue(missingZh.body().contains("没有编号为“nope”的 AP"), missingZh.body());
        }
    }
}

package io.steppe.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ControllerConfig;
import java.net.http.HttpRequest;
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
            assertTrue(body.contains("<script src=\"/console/assets/aps/list.js\"></script>"), body);
            assertTrue(body.contains("<a class=\"badge UP\" href=\"/console/aps?state=UP\">UP <span data-count=\"UP\">1</span></a>"), body);
            assertTrue(body.contains("<svg id=\"ap-map\"") && body.contains("<circle data-id=\"jn-01\""), body);
            assertTrue(body.contains("<polygon points=\""), "a site outline: " + body);
            assertTrue(body.contains("<tr data-id=\"jn-01\"><td><a href=\"/console/aps/jn-01\">jn-01</a></td>"), body);
            assertTrue(body.contains("<td>&lt;b&gt;Square&lt;/b&gt; &amp; &#39;co&#39;</td>"), body);
            assertTrue(body.contains("<option value=\"&lt;i>north&lt;/i>\">&lt;i&gt;north&lt;/i&gt;</option>"), body);
            assertFalse(body.contains("<b>Square") || body.contains("<i>north"), body);
            assertTrue(body.contains("<p class=\"muted\">3 APs</p>"), body);

            String filtered = h.get("/console/aps?state=UP").body();
            assertTrue(filtered.contains("<option selected>UP</option>") && filtered.contains("<p class=\"muted\">1 APs</p>"), filtered);
        }
    }

    @Test
    void oneApShowsItsFactsAndItsChartWhichItsScriptRefreshes() {
        try (ControllerHarness h = new ControllerHarness(home, ControllerConfig.defaults())) {
            String token = h.register("jn-01", 1, Optional.empty());
            h.heartbeat(token, "{\"clients\":4,\"channel_utilization\":0.4}");
            h.evaluate();
            h.advance(Duration.ofMinutes(1));

            HttpResponse<String> page = h.get("/console/aps/jn-01");
            assertEquals(200, page.statusCode(), page.body());
            String body = page.body();
            assertTrue(body.contains("<a href=\"/console/aps\">Access points</a>") && body.contains("<strong>jn-01</strong>"), body);
            assertTrue(body.contains("<section id=\"ap\" data-ap=\"jn-01\"><h1>AP jn-01 <span id=\"state\" class=\"UP\">UP</span></h1>"), body);
            assertTrue(body.contains("<tr><th>MAC</th><td>02:00:5e:00:00:01</td></tr>"), body);
            assertTrue(body.contains("<div id=\"chart\"><svg id=\"history\" viewBox=\"0 0 900 260\""), body);
            assertTrue(body.contains("<script src=\"/console/assets/aps/ap.js\"></script>"), body);

            String chart = h.get("/console/aps/jn-01/chart").body();
            assertTrue(chart.startsWith("<svg id=\"history\"") && chart.contains("<title>clients</title>"), chart);
            Matcher band = Pattern.compile("<rect x=\"[0-9.]+\" y=\"213\" width=\"[0-9.]+\" height=\"14\" fill=\"#2e9d4f\"><title>UP from ").matcher(chart);
            assertTrue(band.find(), "a green band while UP: " + chart);

            HttpResponse<String> missing = h.get("/console/aps/%3Cnope%3E");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("<p>No AP with id &#39;&lt;nope&gt;&#39; (or it is not evaluated yet).</p>"), missing.body());
        }
    }

    @Test
    void theScriptsAreFilesTheBrowserKeeps() {
        try (ControllerHarness h = new ControllerHarness(home, ControllerConfig.defaults())) {
            HttpResponse<String> list = h.get("/console/assets/aps/list.js");
            assertEquals(200, list.statusCode());
            assertEquals("text/javascript;charset=utf-8", list.headers().firstValue("Content-Type").orElse(""));
            assertTrue(list.body().contains("fetch('/api/aps'"), list.body());
            String etag = list.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = h.send(HttpRequest.newBuilder(h.uri("/console/assets/aps/list.js")).header("If-None-Match", etag).build());
            assertEquals(304, again.statusCode());
            assertTrue(h.get("/console/assets/aps/ap.js").body().contains("getElementById('ap').dataset.ap"));
            assertEquals(404, h.get("/console/assets/aps/style.css").statusCode());
        }
    }
}

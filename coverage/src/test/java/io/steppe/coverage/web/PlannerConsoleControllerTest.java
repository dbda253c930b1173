package io.steppe.coverage.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.web.CityBounds;
import io.steppe.web.ConsoleTexts;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planners' pages in the console's layout, in both languages; gaps planted in samples are ops' end-to-end CoverageTest. */
class PlannerConsoleControllerTest {

    static final String CHINESE = "zh-CN,zh;q=0.9,en;q=0.8";
    static final String SAMPLES = "timestamp,lat,lon,mcc,mnc,rat,rsrp\n2026-11-20T10:00:00+08:00,41.03,113.13,460,00,LTE,-98\n";
    /** Words that are codes, not Chinese or English: a page that shows one as text forgot to translate it. */
    static final Pattern RAW = Pattern.compile(">[^<]*\\b(NEW|CONFIRMED|PLANNED|RESOLVED|DISMISSED|NONE|POOR|COVERED|UNCERTAIN|UNMEASURED|"
            + "CHINA_MOBILE|DISMISS_WITHOUT_NOTE|coverage\\.[a-z.]+|GapStatus\\.|Severity\\.|Exception|at io\\.steppe)\\b");

    @TempDir
    Path home;

    @Test
    void everyWordOfTheCoveragePagesIsInBothLanguages() {
        assertEquals(List.of(), ConsoleTexts.untranslated("io.steppe.coverage.console"));
    }

    @Test
    void theGapMapOffersEachOperatorLayersZoomPanTheGapListAndDownloads() throws Exception {
        try (CoverageServer server = new CoverageServer(home)) {
            assertEquals(200, server.post("/api/coverage/samples?source=drive", "text/csv", SAMPLES).statusCode());
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
            assertTrue(body.contains("<td colspan=\"12\">No gap proven by the samples so far.</td>"), body);
            assertTrue(body.contains("gap regions: <a href=\"/api/coverage/gaps?format=csv\" download>CSV</a> "
                    + "<a href=\"/api/coverage/gaps?format=geojson\" download>GeoJSON</a>"), body);
            assertTrue(body.contains("<strong>whole city</strong>") && body.contains(">zoom in</a>"), body);
            assertFalse(RAW.matcher(body).find(), body);

            String one = server.get("/console/coverage?operator=46000").body();
            assertTrue(one.contains("<strong>46000 China Mobile</strong>")
                    && one.contains("<a href=\"/api/coverage/cells?operator=46000&amp;format=csv\" download>CSV</a>"), one);

            // zooming in is a link to a narrower bbox of the same operator; from there the whole city is a link again
            Matcher zoom = Pattern.compile("<a href=\"/console/coverage\\?operator=46000&amp;bbox=([-0-9.,]+)\">zoom in</a>").matcher(one);
            assertTrue(zoom.find(), one);
            String zoomed = server.get("/console/coverage?operator=46000&bbox=" + zoom.group(1)).body();
            assertTrue(zoomed.contains("<a href=\"/console/coverage?operator=46000\">whole city</a>"), zoomed);
        }
    }

    @Test
    void aChineseBrowserReadsTheMapInChineseAndTheCodesStayCodes() throws Exception {
        try (CoverageServer server = new CoverageServer(home)) {
            server.post("/api/coverage/samples?source=drive", "text/csv", SAMPLES);
            String body = server.get("/console/coverage?operator=46000", "Accept-Language", CHINESE).body();
            assertTrue(body.contains("<html lang=\"zh\">") && body.contains("<title>46000 中国移动 的 4G 盲区</title>"), body);
            assertTrue(body.contains("<strong>46000 中国移动</strong>") && body.contains(">放大</a>") && body.contains("目前的采样尚未证实任何盲区。"), body);
            assertTrue(body.contains("盲区：无信号") && body.contains("?operator=46000&amp;format=csv"), "legend and codes: " + body);
            assertFalse(RAW.matcher(body).find(), body);
            assertFalse(body.contains("every operator") || body.contains("zoom in"), body);
        }
    }

    @Test
    void aSampleOutsideTheCityIsLeftOffTheMapAndSaidSo() throws Exception {
        try (CoverageServer server = new CoverageServer(home, CityBounds.ULANQAB)) {
            server.post("/api/coverage/samples?source=drive", "text/csv", SAMPLES + "2026-11-20T10:00:00+08:00,51.9,-8.47,460,00,LTE,-98\n");
            String body = server.get("/console/coverage?operator=46000").body();
            assertTrue(body.contains("Outside the city&#39;s bounds, not on the map: 1 cell, no gap regions."), body);
            assertEquals(1, body.split("class=\"cell cell-", -1).length - 1, body);
            Matcher in = Pattern.compile("bbox=([-0-9.]+),([-0-9.]+),([-0-9.]+),([-0-9.]+)\">zoom out</a>").matcher(body);
            assertTrue(in.find(), body);
            double west = Double.parseDouble(in.group(2));
            assertTrue(west > 110 && Double.parseDouble(in.group(4)) < 116, "framed on Ulanqab, not Cork: " + in.group());
        }
    }

    @Test
    void refusalsArePagesThatSayWhyEscapedInTheReadersLanguage() throws Exception {
        try (CoverageServer server = new CoverageServer(home)) {
            HttpResponse<String> bad = server.get("/console/coverage?operator=%3Cx%3E");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("<p class=\"error\">Operator &#39;&lt;x&gt;&#39; is not the MCC-MNC") && !bad.body().contains("<x>"), bad.body());
            HttpResponse<String> badView = server.get("/console/coverage?bbox=north", "Accept-Language", CHINESE);
            assertEquals(400, badView.statusCode());
            assertTrue(badView.body().contains("地图范围 bbox“north”") && badView.body().contains("<title>请求有误</title>"), badView.body());
            HttpResponse<String> missing = server.get("/console/coverage/gaps/99");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("<p>No gap with id 99.</p>"), missing.body());
            HttpResponse<String> missingZh = server.get("/console/coverage/gaps/1234", "Accept-Language", CHINESE);
            assertTrue(missingZh.body().contains("<p>没有编号为 1234 的盲区。</p>"), missingZh.body());
            HttpResponse<String> forged = server.post("/console/coverage/gaps/99/status", "application/x-www-form-urlencoded", "status=confirmed");
            assertEquals(403, forged.statusCode());
            assertTrue(forged.body().contains("This form did not come from your console session; nothing was changed.")
                    && forged.body().contains("<a href=\"/console/coverage/gaps/99\">Open the gap again and save from there</a>"), forged.body());
            assertFalse(forged.body().contains("<form method=\"post\" action=\"/console/coverage/gaps/"), forged.body());
            for (HttpResponse<String> r : List.of(bad, badView, missing, missingZh, forged)) {
                assertFalse(RAW.matcher(r.body()).find(), r.body());
            }
        }
    }
}

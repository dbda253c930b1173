package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.coverage.demo.PlantedGap;
import io.steppe.coverage.demo.SyntheticCity;
import io.steppe.coverage.map.GeoJson;
import io.steppe.ops.Steppe;
import io.steppe.ops.SteppeConfig;
import io.steppe.web.account.AccountRepository;
import io.steppe.web.account.PasswordHasher;
import io.steppe.web.account.Role;
import io.steppe.ops.server.SteppeServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A planner's path through the real server: places and a drive-test log imported with the CLI while {@code serve}
 * runs, the planted gaps found through the API and the exports, a status set, the console's gap map.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageTest {

    private static final String PASSWORD = "steppe-test-password";
    private static final GeometryFactory GEO = new GeometryFactory();

    Path home;
    Map<String, String> env;
    SteppeServer server;
    int api;
    String planner;
    final Http http = new Http();
    long rows;

    record Result(int status, String out, String err) {
    }

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        home = dir;
        // Ulanqab's bounds, as the demo sets them: the sample from Cork below is outside
        env = TestEnvironment.of(home, "STEPPE_CITY_BOUNDS", "39.6,110.3,43.4,114.9");
        server = SteppeServer.start(SteppeConfig.load(env), Clock.systemUTC());
        api = server.listeners().apiPort();
        AccountRepository accounts = new AccountRepository(server.database().dsl(), new PasswordHasher(4, new SecureRandom()));
        accounts.add("pema", Role.PLANNER, PASSWORD.toCharArray(), "test");
        accounts.add("olga", Role.OPERATOR, PASSWORD.toCharArray(), "test");
        planner = http.consoleToken(api, "pema", PASSWORD);

        SyntheticCity city = new SyntheticCity(7);
        Path places = home.resolve("places.geojson");
        try (Writer w = Files.newBufferedWriter(places)) {
            w.write("{\"type\":\"FeatureCollection\",\"features\":[");
            for (int i = 0; i < city.places().size(); i++) {
                var p = city.places().get(i);
                w.write((i == 0 ? "" : ",") + "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + p.name() + "\",\"kind\":\""
                        + p.kind().value() + "\",\"population\":" + p.population() + "},\"geometry\":" + GeoJson.toText(p.geometry()) + "}");
            }
            w.write("]}");
        }
        Result placed = steppe("places", "import", places.toString());
        assertEquals(0, placed.status(), placed.err());
        assertTrue(placed.out().startsWith(city.places().size() + " place(s) imported"), placed.out());

        Path samples = home.resolve("drive.csv");
        try (Writer w = Files.newBufferedWriter(samples)) {
            rows = city.writeSamples(w, Instant.parse("2026-11-16T00:00:00Z"), 5, 12, 5);
        }
        Result imported = steppe("coverage", "import", samples.toString(), "--source", "synthetic-drive");
        assertEquals(0, imported.status(), imported.err());
        assertTrue(imported.out().contains("accepted " + rows + " (" + rows + " new, 0 already imported), rejected 0, warned 0; report: "),
                imported.out());
        // a phone that logged once in Ireland: evidence kept, but never what the map is fitted to
        assertEquals(200, http.post(api, "/api/coverage/samples?source=stray", "text/csv", "timestamp,lat,lon,mcc,mnc,rat,rsrp\n"
                + "2026-11-20T10:00:00+08:00,51.8985,-8.4756,460,00,LTE,-97\n", "Authorization", "Bearer " + planner).statusCode());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theApiShowsThePlantedGapsAsContractGeoJson() {
        HttpResponse<String> response = http.get(api, "/api/coverage/gaps?operator=46000", "Authorization", "Bearer " + planner);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/geo+json", response.headers().firstValue("Content-Type").orElse(""));
        List<Map<?, ?>> features = features(response.body());
        assertEquals(2, features.size(), "G6 east cut and Huitengxile approach");
        for (Map<?, ?> f : features) {
            Map<?, ?> p = (Map<?, ?>) f.get("properties");
            for (String key : List.of("id", "operator", "severity", "cells", "area_km2", "samples", "median_rsrp", "priority",
                    "villages", "scenic_spots", "road_km")) {
                assertTrue(p.containsKey(key), key + " in " + p);
            }
            assertEquals("46000", p.get("operator"));
            assertEquals("none", p.get("severity"));
        }
        PlantedGap g6 = SyntheticCity.GAPS.get(0);
        Map<?, ?> top = features.stream().filter(f -> contains(f, g6)).findFirst().orElseThrow();
        assertTrue(((List<?>) ((Map<?, ?>) top.get("properties")).get("villages")).contains("Dongsumu"), top.toString());
    }

    @Test
    void cellsCarryTheirStatusAndTheCrossOperatorViewFindsTheSharedGap() {
        HttpResponse<String> cells = http.get(api, "/api/coverage/cells?operator=46001&resolution=8", "Authorization", "Bearer " + planner);
        assertEquals(200, cells.statusCode());
        List<Object> statuses = features(cells.body()).stream().<Object>map(f -> ((Map<?, ?>) f.get("properties")).get("status")).distinct().toList();
        assertTrue(statuses.containsAll(List.of("covered", "gap")), statuses.toString());
        List<Map<?, ?>> all = features(http.get(api, "/api/coverage/gaps?operator=all", "Authorization", "Bearer " + planner).body());
        assertEquals(1, all.size());
        assertTrue(contains(all.get(0), SyntheticCity.GAPS.get(1)));
        assertEquals(400, http.get(api, "/api/coverage/cells?resolution=12", "Authorization", "Bearer " + planner).statusCode());
        // two periods of the same unchanged network: no proven gap turns covered nor the reverse
        List<Map<?, ?>> changes = features(http.get(api, "/api/coverage/changes?operator=46000&at=2026-11-18T12:00:00%2B08:00",
                "Authorization", "Bearer " + planner).body());
        assertTrue(changes.stream().map(f -> (Map<?, ?>) f.get("properties"))
                .anyMatch(p -> p.get("before").equals("covered") && p.get("after").equals("covered")), changes.toString());
        assertTrue(changes.stream().map(f -> (Map<?, ?>) f.get("properties")).noneMatch(p ->
                p.get("after").equals(Map.of("gap", "covered", "covered", "gap").get(p.get("before")))));
        assertEquals(400, http.get(api, "/api/coverage/changes?operator=46000&at=yesterday", "Authorization", "Bearer " + planner).statusCode());
        HttpResponse<String> badOperator = http.get(api, "/api/coverage/gaps?operator=46099", "Authorization", "Bearer " + planner);
        assertEquals(400, badOperator.statusCode());
        assertTrue(badOperator.body().contains("Operator '46099' is not the MCC-MNC of a network of mainland China"), badOperator.body());
        HttpResponse<String> csv = http.get(api, "/api/coverage/gaps?operator=46000&format=csv", "Authorization", "Bearer " + planner);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").matches("attachment; filename=\"steppe-gaps-46000-\\d{8}-\\d{4}\\.csv\""),
                csv.headers().toString());
        assertEquals(3, csv.body().lines().count(), "a header and the two planted gaps: " + csv.body());
    }

    @Test
    void uploadsAreCheckedRowByRowAndOnlyPlannersSeeCoverage() {
        String csv = "timestamp,lat,lon,mcc,mnc,rat,rsrp,device_id\n"
                + "2026-11-20T10:00:00+08:00,41.2,113.0,460,00,LTE,-90,up-1\n"
                + "2026-11-20T10:00:00+08:00,41.2,113.0,460,00,LTE,-30,up-1\n";
        HttpResponse<String> upload = http.post(api, "/api/coverage/samples?source=upload-test", "text/csv", csv, "Authorization", "Bearer " + planner);
        assertEquals(200, upload.statusCode(), upload.body());
        assertTrue(upload.body().contains("\"accepted\":1") && upload.body().contains("\"rejected\":1"), upload.body());
        assertTrue(upload.body().contains("3,rejected,\\\"rsrp -30 is outside -140…-44\\\""), upload.body());
        String lines = "{\"timestamp\":1763604000000,\"lat\":41.2,\"lon\":113.0,\"mcc\":460,\"mnc\":\"01\",\"rat\":\"LTE\",\"rsrp\":-99}\nnot json\n";
        HttpResponse<String> json = http.post(api, "/api/coverage/samples?source=jsonl", "application/x-ndjson", lines, "Authorization", "Bearer " + planner);
        assertTrue(json.body().contains("\"accepted\":1") && json.body().contains("\"rejected\":1"), json.body());
        HttpResponse<String> notALog = http.post(api, "/api/coverage/samples", "text/csv", "a,b\n1,2\n", "Authorization", "Bearer " + planner);
        assertEquals(400, notALog.statusCode());
        assertTrue(notALog.body().contains("the header is neither"), notALog.body());

        assertEquals(403, http.get(api, "/api/coverage/gaps", "Authorization", "Bearer " + http.consoleToken(api, "olga", PASSWORD)).statusCode());
        assertEquals(401, http.get(api, "/api/coverage/gaps").statusCode());
        assertEquals(404, http.get(server.listeners().portalPort(), "/api/coverage/gaps").statusCode());
    }

    @Test
    void changesCompareTwoImportSources() throws IOException {
        Path out = home.resolve("out/changes.geojson");
        Result same = steppe("coverage", "changes", "--operator", "46000", "--before-source", "synthetic-drive",
                "--after-source", "synthetic-drive", "--out", out.toString());
        assertEquals(0, same.status(), same.err());
        int cells = features(Files.readString(out)).size();
        assertTrue(cells > 0);
        assertEquals(cells + " cells judged in both periods: 0 improved, 0 worsened; written to " + out, same.out().strip());
        Result unknown = steppe("coverage", "changes", "--operator", "46000", "--before-source", "synthetic-drive",
                "--after-source", "drive-2030", "--out", out.toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("no import has the source 'drive-2030'"), unknown.err());
        Result mixed = steppe("coverage", "changes", "--operator", "46000", "--before-source", "synthetic-drive",
                "--at", "2026-11-18T12:00:00+08:00", "--out", out.toString());
        assertEquals(2, mixed.status());

        HttpResponse<String> api = http.get(this.api, "/api/coverage/changes?operator=46000&before_source=synthetic-drive"
                + "&after_source=synthetic-drive", "Authorization", "Bearer " + planner);
        assertEquals(200, api.statusCode(), api.body());
        assertEquals(cells, features(api.body()).size());
        assertEquals(400, http.get(this.api, "/api/coverage/changes?operator=46000&before_source=synthetic-drive",
                "Authorization", "Bearer " + planner).statusCode());
    }

    @Test
    void exportsOpenAsGeoJsonCsvSvgAndPng() throws IOException {
        Path geojson = home.resolve("out/gaps.geojson");
        Result r = steppe("coverage", "gaps", "--format", "geojson", "--out", geojson.toString());
        assertEquals(0, r.status(), r.err());
        int planted = SyntheticCity.GAPS.stream().mapToInt(p -> p.operators().size()).sum();
        assertEquals(planted + " gap region(s) written to " + geojson, r.out().strip());
        assertEquals(planted, features(Files.readString(geojson)).size());
        Path csv = home.resolve("out/gaps.csv");
        assertEquals(0, steppe("coverage", "gaps", "--operator", "46001", "--format", "csv", "--out", csv.toString()).status());
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("rank,id,operator,severity"), lines.get(0));
        assertEquals(3, lines.size(), "two Unicom gaps: " + lines);
        Path svg = home.resolve("out/gaps.svg");
        assertEquals(0, steppe("coverage", "gaps", "--format", "svg", "--out", svg.toString()).status());
        assertTrue(Files.readString(svg).contains("class=\"gap gap-none confidence-"));
        Path png = home.resolve("out/gaps.png");
        assertEquals(0, steppe("coverage", "gaps", "--operator", "all", "--without-wifi", "--format", "png", "--out", png.toString()).status());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(Files.readAllBytes(png), 4));
        Result bad = steppe("coverage", "gaps", "--format", "kml", "--out", svg.toString());
        assertEquals(2, bad.status());
        assertEquals("steppe: --format must be geojson, csv, svg or png, was 'kml'", bad.err().strip());
        Result missing = steppe("coverage", "import", home.resolve("nope.csv").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().strip().endsWith("no such file: " + home.resolve("nope.csv")), missing.err());
    }

    @Test
    void plannersMarkGapsAndTheConsoleShowsTheMap() {
        HttpResponse<String> gaps = http.get(api, "/api/coverage/gaps?operator=46011", "Authorization", "Bearer " + planner);
        Object id = ((Map<?, ?>) features(gaps.body()).get(0).get("properties")).get("id");
        long gapId = ((Number) id).longValue();
        HttpResponse<String> dismiss = http.post(api, "/api/coverage/gaps/" + gapId + "/status", "application/json",
                "{\"status\":\"dismissed\"}", "Authorization", "Bearer " + planner);
        assertEquals(400, dismiss.statusCode());
        assertTrue(dismiss.body().contains("needs a note"), dismiss.body());
        HttpResponse<String> planned = http.post(api, "/api/coverage/gaps/" + gapId + "/status", "application/json",
                "{\"status\":\"planned\",\"note\":\"mast X601-3 in 2027\"}", "Authorization", "Bearer " + planner);
        assertEquals(200, planned.statusCode(), planned.body());
        HttpResponse<String> one = http.get(api, "/api/coverage/gaps/" + gapId, "Authorization", "Bearer " + planner);
        assertTrue(one.body().contains("\"status\":\"planned\"") && one.body().contains("\"h3_cells\":["), one.body());

        HttpResponse<String> page = http.get(api, "/console/coverage", "Cookie", "steppe_session=" + planner);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"gap-map\"") && page.body().contains("id=\"gap-list\""), page.body());
        assertTrue(page.body().contains("Dongsumu"));
        HttpResponse<String> gapPage = http.get(api, "/console/coverage/gaps/" + gapId, "Cookie", "steppe_session=" + planner);
        assertTrue(gapPage.body().contains("mast X601-3 in 2027") && gapPage.body().contains("id=\"days\""), gapPage.body());

        // a page elsewhere can make the browser post the form with the session cookie, but not with the token
        HttpResponse<String> forged = http.post(api, "/console/coverage/gaps/" + gapId + "/status",
                "application/x-www-form-urlencoded", "status=resolved", "Cookie", "steppe_session=" + planner);
        assertEquals(403, forged.statusCode());
        HttpResponse<String> wrong = http.post(api, "/console/coverage/gaps/" + gapId + "/status",
                "application/x-www-form-urlencoded", "csrf=guess&status=resolved", "Cookie", "steppe_session=" + planner);
        assertEquals(403, wrong.statusCode());
        assertTrue(http.get(api, "/api/coverage/gaps/" + gapId, "Authorization", "Bearer " + planner).body().contains("\"status\":\"planned\""));
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(gapPage.body());
        assertTrue(token.find(), gapPage.body());
        HttpResponse<String> saved = http.post(api, "/console/coverage/gaps/" + gapId + "/status",
                "application/x-www-form-urlencoded", "csrf=" + token.group(1) + "&status=confirmed", "Cookie", "steppe_session=" + planner);
        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(http.get(api, "/api/coverage/gaps/" + gapId, "Authorization", "Bearer " + planner).body().contains("\"status\":\"confirmed\""));
    }

    @Test
    void theGapMapInHeadlessChromiumShowsTheGapLayerAndSwitchesLayers(@TempDir Path profile) {
        WebDriver browser = BrowserLoginTest.browser(profile, "en");
        try {
            browser.get("http://127.0.0.1:" + api + "/console/coverage");
            browser.findElement(By.id("username")).sendKeys("pema");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("form.login button")).click();
            // the session cookie exists once the login has answered with its redirect to the console
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/console/"));
            browser.get("http://127.0.0.1:" + api + "/console/coverage?operator=46000");
            WebElement map = browser.findElement(By.id("gap-map"));
            List<WebElement> gaps = map.findElements(By.cssSelector("path.gap"));
            assertEquals(2, gaps.size());
            assertTrue(gaps.stream().allMatch(WebElement::isDisplayed));
            assertEquals(2, browser.findElements(By.cssSelector("#gap-list tbody tr")).size());
            List<WebElement> unmeasured = map.findElements(By.cssSelector("path.cell-unmeasured"));
            assertTrue(!unmeasured.isEmpty() && unmeasured.get(0).isDisplayed());
            browser.findElement(By.id("show-unmeasured")).click();
            assertTrue(!unmeasured.get(0).isDisplayed(), "the unmeasured layer switches off");
            assertTrue(gaps.get(0).isDisplayed());
        } finally {
            browser.quit();
        }
    }

    /** What a page must never show as text: codes instead of words, a key instead of its text, a stack trace, a framework page. */
    private static final Pattern RAW = Pattern.compile("\\b(NEW|CONFIRMED|PLANNED|RESOLVED|DISMISSED|NONE|POOR|COVERED|UNCERTAIN|UNMEASURED|"
            + "CHINA_MOBILE|CHINA_UNICOM|CHINA_TELECOM|Exception|Whitelabel|Internal Server Error)\\b|coverage\\.[a-z]+\\.|\\bat io\\.steppe\\.");

    @Test
    void everyPlannersPageReadsInChineseAndInEnglishWithoutCodesOrTraces(@TempDir Path profiles) {
        long gapId = ((Number) ((Map<?, ?>) features(http.get(api, "/api/coverage/gaps?operator=46000", "Authorization", "Bearer " + planner)
                .body()).get(0).get("properties")).get("id")).longValue();
        for (String language : List.of("zh", "en")) {
            boolean zh = language.equals("zh");
            WebDriver browser = BrowserLoginTest.browser(profiles.resolve(language), zh ? "zh-CN,zh" : "en-GB,en");
            try {
                String base = "http://127.0.0.1:" + api;
                browser.get(base + "/console/coverage");
                browser.findElement(By.id("username")).sendKeys("pema");
                browser.findElement(By.id("password")).sendKeys(PASSWORD);
                browser.findElement(By.cssSelector("form.login button")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/console/"));

                browser.get(base + "/console/coverage?operator=46000");
                String map = readable(browser, language);
                assertTrue(map.contains(zh ? "46000 中国移动 的 4G 盲区" : "4G gaps of 46000 China Mobile"), map);
                assertTrue(map.contains(zh ? "无信号" : "No service") && map.contains(zh ? "新发现" : "New"), "severity and status: " + map);
                assertTrue(map.contains(zh ? "城市范围以外、未画在地图上：1 个网格" : "Outside the city's bounds, not on the map: 1 cell, no gap regions."), map);
                // the map opens on Ulanqab's districts, not on the world between Cork and Jining
                String zoomOut = browser.findElement(By.xpath("//nav[@id='map-view']/a[2]")).getAttribute("href");
                String[] box = zoomOut.substring(zoomOut.indexOf("bbox=") + 5).split(",");
                assertTrue(Double.parseDouble(box[1]) > 105 && Double.parseDouble(box[3]) < 120, zoomOut);
                assertEquals(2, browser.findElements(By.cssSelector("#gap-map path.gap")).size());
                browser.findElement(By.xpath("//nav[@id='map-view']/a[1]")).click();
                assertTrue(browser.getCurrentUrl().contains("bbox="), browser.getCurrentUrl());
                assertTrue(browser.findElement(By.id("gap-map")).isDisplayed());
                readable(browser, language);

                browser.get(base + "/console/coverage/gaps/" + gapId);
                String gap = readable(browser, language);
                assertTrue(gap.contains(zh ? "涉及范围" : "What it touches") && gap.contains(zh ? "处理决定" : "Decision"), gap);
                assertTrue(browser.findElement(By.cssSelector("select[name=status] option[value=confirmed]")).getText()
                        .equals(zh ? "已确认" : "Confirmed"));

                browser.get(base + "/console/coverage/gaps/987654");
                String missing = readable(browser, language);
                assertTrue(missing.contains(zh ? "没有编号为 987654 的盲区。" : "No gap with id 987654."), missing);

                browser.get(base + "/console/coverage?operator=46099");
                String refused = readable(browser, language);
                assertTrue(refused.contains(zh ? "运营商“46099”不是中国大陆网络的 MCC-MNC" : "Operator '46099' is not the MCC-MNC"), refused);
                browser.get(base + "/console/coverage?bbox=41,113");
                assertTrue(readable(browser, language).contains(zh ? "地图范围 bbox“41,113”" : "The map's bbox '41,113'"));
            } finally {
                browser.quit();
            }
        }
        // the same planner's answers from the API, in a language asked for
        HttpResponse<String> zhError = http.get(api, "/api/coverage/cells?format=kml", "Authorization", "Bearer " + planner,
                "Accept-Language", "zh-CN,zh");
        assertEquals(400, zhError.statusCode());
        assertTrue(zhError.body().contains("format 必须是 geojson, csv 之一"), zhError.body());
    }

    /** The page's visible text, after checking it is in {@code language} and shows no code, key or trace. */
    private static String readable(WebDriver browser, String language) {
        assertEquals(language, browser.findElement(By.tagName("html")).getAttribute("lang"));
        String text = browser.findElement(By.tagName("body")).getText();
        Matcher raw = RAW.matcher(text);
        boolean found = raw.find();
        assertTrue(!found, () -> "'" + raw.group() + "' on " + browser.getCurrentUrl() + ": " + text);
        return text;
    }

    private boolean contains(Map<?, ?> feature, PlantedGap planted) {
        Geometry g = GeoJson.geometry(feature.get("geometry"), GEO, c -> c);
        return g.isWithinDistance(GEO.createPoint(new Coordinate(planted.lon(), planted.lat())), 0.003);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> features(String body) {
        Map<?, ?> collection = (Map<?, ?>) GeoJson.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        assertEquals("FeatureCollection", collection.get("type"));
        return (List<Map<?, ?>>) collection.get("features");
    }

    private Result steppe(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Steppe.run(args, env, new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }
}

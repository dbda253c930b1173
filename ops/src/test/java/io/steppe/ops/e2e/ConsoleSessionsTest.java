package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApRepository;
import io.steppe.db.net.MacAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operators' sessions and gateways pages, as an operator who reads Chinese uses them: who is online on which AP,
 * the same list as a spreadsheet, and each gateway's state without its secrets.
 */
class ConsoleSessionsTest {

    static final String SECRET = "console-sessions-secret-01";
    final Http http = new Http();
    InProcessSteppe steppe;
    String operator;

    @BeforeEach
    void start(@TempDir Path home) throws Exception {
        steppe = InProcessSteppe.start(home, Map.of());
        TestGateways.add(steppe.server, "jining-station", "127.0.0.1", SECRET, Optional.empty());
        new ApRepository(steppe.server.database().dsl(), new SecureRandom(), Clock.systemUTC()).registerWithNewTokens(List.of(
                new AccessPoint("jn-square-01", MacAddress.parse("02:00:5e:10:00:01"), "集宁广场 1 号", Optional.of("jining-square"),
                        Optional.of(new AccessPoint.Location(41.03, 113.13)), Optional.of("jining-station"), Optional.empty()),
                new AccessPoint("jn-square-02", MacAddress.parse("02:00:5e:10:00:02"), "集宁广场 2 号", Optional.of("jining-square"),
                        Optional.empty(), Optional.of("jining-station"), Optional.empty())), "test");
        steppe.server.radius().reloadGateways();
        start("s-1", "02-00-5E-10-00-01:Ulanqab-Free", "AA-BB-CC-00-00-01", "10.1.0.11");
        start("s-2", "02-00-5E-10-00-02:Ulanqab-Free", "AA-BB-CC-00-00-02", "10.1.0.12");
        operator = http.consoleToken(steppe.api, InProcessSteppe.OPERATOR, InProcessSteppe.PASSWORD);
    }

    @AfterEach
    void stop() {
        steppe.close();
    }

    /** An Accounting-Start from the gateway, as radclient sends it. */
    void start(String sessionId, String calledStation, String callingStation, String ip) throws Exception {
        Process radclient = new ProcessBuilder("radclient", "-r", "1", "-t", "3", "127.0.0.1:" + steppe.server.radius().acctPort(), "acct", SECRET)
                .redirectErrorStream(true).start();
        radclient.getOutputStream().write(("User-Name = \"VOUCHER" + sessionId + "\", Acct-Status-Type = Start, Acct-Session-Id = \"" + sessionId
                + "\", Called-Station-Id = \"" + calledStation + "\", Calling-Station-Id = \"" + callingStation
                + "\", Framed-IP-Address = " + ip + ", NAS-IP-Address = 127.0.0.1\n").getBytes(StandardCharsets.UTF_8));
        radclient.getOutputStream().close();
        assertEquals(0, radclient.waitFor(), new String(radclient.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    HttpResponse<String> page(String path, String language) {
        return http.get(steppe.api, path, "Cookie", "steppe_session=" + operator, "Accept-Language", language);
    }

    @Test
    void aChineseOperatorSeesWhoIsOnlineOnEachApAndCanFilterByAp() {
        HttpResponse<String> page = page("/console/sessions", "zh-CN,zh;q=0.9");
        assertEquals(200, page.statusCode(), page.body());
        String body = page.body();
        assertTrue(body.contains("<html lang=\"zh\">") && body.contains("<h1>在线会话</h1>") && body.contains("当前在线：2"), body);
        assertTrue(body.contains("<a href=\"/console/sessions?ap=jn-square-01\">jn-square-01</a>"), body);
        assertTrue(body.contains("<a href=\"/console/aps/jn-square-01\">集宁广场 1 号</a>"), "the AP each user is on: " + body);
        assertTrue(body.contains("aa:bb:cc:**:**:**") && !body.contains("aa:bb:cc:00:00:01"), "operators see a device's vendor only: " + body);
        assertTrue(body.contains("VO******") && !body.contains("VOUCHERs-1"), "a voucher code is a credential: " + body);
        assertTrue(body.contains("data-live=\"/console/sessions/rows\""), body);
        assertTrue(body.contains("（刚刚）") || body.contains("秒前）"), "when they came online, with its age: " + body);
        assertFalse(body.contains("Exception") || body.contains("ACK") || body.contains("TIMEOUT"), body);

        String rows = page("/console/sessions/rows?ap=jn-square-02", "zh-CN").body();
        assertTrue(rows.contains("data-id=\"s-2") || rows.contains("10.1.0.12"), rows);
        assertFalse(rows.contains("10.1.0.11"), "the filter leaves the other AP's user out: " + rows);
        assertFalse(rows.contains("<html"), "the live part is a fragment: " + rows);

        HttpResponse<String> garbage = page("/console/sessions?gateway=%27%3Cscript%3E&ap=%00", "zh");
        assertEquals(200, garbage.statusCode(), garbage.body());
        assertTrue(garbage.body().contains("此处无人在线。") && !garbage.body().contains("<script>"), garbage.body());

        String english = page("/console/sessions", "en-US").body();
        assertTrue(english.contains("<h1>Sessions</h1>") && english.contains("Online now: 2"), english);
    }

    @Test
    void theSessionsDownloadAsCsvWithCityTimesAndAsGeoJson() {
        HttpResponse<String> csv = http.get(steppe.api, "/api/sessions?format=csv", "Authorization", "Bearer " + operator);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").matches("attachment; filename=\"steppe-sessions-\\d{8}-\\d{4}\\.csv\""),
                csv.headers().toString());
        List<String> lines = csv.body().lines().toList();
        assertEquals("session,user,gateway,ap,ap_name,ap_mac,ssid,client_mac,ip,started,last_update,session_seconds,bytes_in,bytes_out", lines.get(0));
        assertEquals(3, lines.size(), csv.body());
        String[] row = lines.stream().filter(l -> l.contains("10.1.0.11")).findFirst().orElseThrow().split(",", -1);
        assertEquals(14, row.length, String.join("|", row));
        assertEquals("jining-station", row[2]);
        assertEquals("jn-square-01", row[3]);
        assertTrue(row[9].matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00"), "a login time in the city's zone with its offset: " + row[9]);

        HttpResponse<String> byAccept = http.get(steppe.api, "/api/sessions", "Authorization", "Bearer " + operator, "Accept", "text/csv");
        assertTrue(byAccept.body().startsWith("session,user,"), byAccept.body());

        HttpResponse<String> geo = http.get(steppe.api, "/api/sessions?format=geojson&ap=jn-square-01", "Authorization", "Bearer " + operator);
        assertTrue(geo.body().contains("\"type\":\"FeatureCollection\"") && geo.body().contains("\"coordinates\":[113.13,41.03]"), geo.body());
        assertFalse(geo.body().contains("jn-square-02"), geo.body());

        HttpResponse<String> bad = http.get(steppe.api, "/api/sessions?format=xml", "Authorization", "Bearer " + operator);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("format 'xml' is not one of json, csv, geojson"), bad.body());
    }

    @Test
    void disconnectingNeedsTheFormsTokenAndSaysWhenTheSessionIsGone() {
        HttpResponse<String> forged = http.post(steppe.api, "/console/sessions/s-1/disconnect", "application/x-www-form-urlencoded",
                "csrf=guess", "Cookie", "steppe_session=" + operator, "Accept-Language", "zh");
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("此表单并非来自您的控制台会话"), forged.body());
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page("/console/sessions", "zh").body());
        assertTrue(token.find());
        HttpResponse<String> gone = http.post(steppe.api, "/console/sessions/nope/disconnect", "application/x-www-form-urlencoded",
                "csrf=" + token.group(1), "Cookie", "steppe_session=" + operator, "Accept-Language", "zh");
        assertEquals(404, gone.statusCode());
        assertTrue(gone.body().contains("该会话已经结束。"), gone.body());
    }

    @Test
    void theGatewaysPageShowsWhenEachWasLastHeardAndNeverItsSecret() throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String body = page("/console/gateways", "zh").body();
        while (!body.contains("应答中") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            body = page("/console/gateways/rows", "zh").body();
        }
        assertTrue(body.contains("<tr data-id=\"jining-station\">"), body);
        assertTrue(body.contains("应答中"), "the gateway's accounting was answered moments ago: " + body);
        assertTrue(body.contains("2 个会话，2 位用户"), body);
        assertFalse(body.contains(SECRET), "a shared secret is never shown");
        String english = page("/console/gateways", "en").body();
        assertTrue(english.contains("<h1>Gateways</h1>") && english.contains("RADIUS only") && !english.contains(SECRET), english);
    }
}

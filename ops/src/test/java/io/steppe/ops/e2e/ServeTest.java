package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApRepository;
import io.steppe.db.net.MacAddress;
import io.steppe.ops.SteppeConfig;
import io.steppe.web.account.AccountRepository;
import io.steppe.web.account.PasswordHasher;
import io.steppe.web.account.Role;
import io.steppe.ops.server.SteppeServer;
import io.steppe.portal.uam.UamAddresses;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} in-process on free loopback ports: what the portal, operators and monitoring see. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeTest {

    private static final String PASSWORD = "steppe-test-password";

    SteppeServer server;
    int portal;
    int api;
    final Http http = new Http();

    @BeforeAll
    void start(@TempDir Path home) {
        server = SteppeServer.start(SteppeConfig.load(TestEnvironment.of(home)), Clock.systemUTC());
        portal = server.listeners().portalPort();
        api = server.listeners().apiPort();
        AccountRepository accounts = new AccountRepository(server.database().dsl(), new PasswordHasher(4, new java.security.SecureRandom()));
        accounts.add("olga", Role.OPERATOR, PASSWORD.toCharArray(), "test");
        accounts.add("ada", Role.ADMIN, PASSWORD.toCharArray(), "test");
        new ApRepository(server.database().dsl(), new java.security.SecureRandom(), java.time.Clock.systemUTC()).register(new AccessPoint("jn-square-01",
                MacAddress.parse("02-00-5E-10-00-01"), "People's Square", Optional.of("jining-centre"),
                Optional.of(new AccessPoint.Location(41.0336, 113.133)), Optional.empty(), Optional.empty()), "test");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void healthIsUpWithTheDatabase() {
        HttpResponse<String> health = http.get(api, "/health");
        assertEquals(200, health.statusCode());
        assertTrue(health.body().startsWith("{\"status\":\"UP\""), health.body());
        assertTrue(health.body().contains("\"database\":\"UP\""), health.body());
        assertTrue(health.body().contains("\"radius\":\"UP\""), health.body());
    }

    @Test
    void sessionsAreListedAndOnlyOpenOnesCanBeEnded() {
        String token = http.consoleToken(api, "olga", PASSWORD);
        HttpResponse<String> sessions = http.get(api, "/api/sessions", "Authorization", "Bearer " + token);
        assertEquals(200, sessions.statusCode());
        assertEquals("[]", sessions.body());
        HttpResponse<String> unknown = http.post(api, "/api/sessions/nope/disconnect", "application/json", "", "Authorization", "Bearer " + token);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("no open session with id 'nope'"), unknown.body());
    }

    @Test
    void metricsParseAsPrometheusTextWithJvmPoolAndHttpFigures() {
        http.get(api, "/health");
        HttpResponse<String> metrics = http.get(api, "/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        Map<String, Double> samples = PrometheusText.parse(metrics.body());
        assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("jvm_memory_used_bytes")), "JVM metrics");
        assertTrue(samples.containsKey("steppe_db_pool_connections{state=\"idle\"}"), "database pool metrics");
        assertTrue(samples.keySet().stream().anyMatch(k -> k.startsWith("steppe_http_requests_total{")
                && k.contains("route=\"/health\"") && k.contains("status=\"200\"")), "HTTP metrics");
    }

    @Test
    void portalListenerServesThePortalAndRefusesEveryApiPath() {
        HttpResponse<String> page = http.get(portal, "/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("乌兰察布"), "the portal speaks Chinese first");
        for (String path : new String[] {"/health", "/metrics", "/api/me", "/console/", "/console/login"}) {
            assertEquals(404, http.get(portal, path).statusCode(), path + " on the portal listener");
        }
        assertEquals(404, http.post(portal, "/api/login", "application/json",
                "{\"username\":\"olga\",\"password\":\"" + PASSWORD + "\"}").statusCode());
    }

    @Test
    void apiListenerDoesNotServeThePortal() {
        assertEquals(404, http.get(api, "/").statusCode());
    }

    @Test
    void consoleAndApiRefuseAnonymousCallers() {
        HttpResponse<String> page = http.get(api, "/console/");
        assertEquals(303, page.statusCode());
        assertEquals("/console/login", page.headers().firstValue("Location").orElse(""));
        HttpResponse<String> json = http.get(api, "/api/me");
        assertEquals(401, json.statusCode());
        assertTrue(json.body().contains("login required"));
        assertEquals(401, http.get(api, "/api/me", "Authorization", "Bearer not-a-real-token").statusCode());
    }

    @Test
    void bearerTokenFromApiLoginOpensTheApi() {
        String token = http.consoleToken(api, "olga", PASSWORD);
        HttpResponse<String> me = http.get(api, "/api/me", "Authorization", "Bearer " + token);
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"role\":\"operator\""), me.body());

        assertEquals(204, http.post(api, "/api/logout", "application/json", "", "Authorization", "Bearer " + token).statusCode());
        assertEquals(401, http.get(api, "/api/me", "Authorization", "Bearer " + token).statusCode(), "logged out");
    }

    @Test
    void wrongPasswordOrMissingFieldIsRefusedAndNamed() {
        HttpResponse<String> wrong = http.post(api, "/api/login", "application/json", "{\"username\":\"olga\",\"password\":\"nope-nope-nope\"}");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("wrong user name or password"));
        HttpResponse<String> unknown = http.post(api, "/api/login", "application/json", "{\"username\":\"nobody\",\"password\":\"nope-nope-nope\"}");
        assertEquals(401, unknown.statusCode());
        HttpResponse<String> missing = http.post(api, "/api/login", "application/json", "{\"username\":\"olga\"}");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("'password'"), missing.body());
    }

    @Test
    void consoleFormLoginSetsASessionCookieThatOpensTheConsole() {
        HttpResponse<String> form = http.post(api, "/console/login", "application/x-www-form-urlencoded",
                "username=olga&password=" + PASSWORD);
        assertEquals(303, form.statusCode());
        String setCookie = form.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HTTPOnly") || setCookie.contains("HttpOnly"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> home = http.get(api, "/console/", "Cookie", cookie);
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("olga"));

        HttpResponse<String> refused = http.post(api, "/console/login", "application/x-www-form-urlencoded", "username=olga&password=wrong");
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("Wrong user name or password"));
        assertFalse(refused.headers().firstValue("Set-Cookie").isPresent());
    }

    @Test
    void apInventoryIsListedForLoggedInOperators() {
        String token = http.consoleToken(api, "olga", PASSWORD);
        HttpResponse<String> list = http.get(api, "/api/aps", "Authorization", "Bearer " + token);
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("\"id\":\"jn-square-01\"") && list.body().contains("\"mac\":\"02:00:5e:10:00:01\""), list.body());
        assertTrue(list.body().contains("\"state\":\"UNKNOWN\""), "never seen: " + list.body());
        assertEquals(200, http.get(api, "/api/aps/jn-square-01", "Authorization", "Bearer " + token).statusCode());
        HttpResponse<String> missing = http.get(api, "/api/aps/nope", "Authorization", "Bearer " + token);
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("no AP with id 'nope'"), missing.body());
        assertEquals(401, http.get(api, "/api/aps").statusCode());
        assertEquals(404, http.get(portal, "/api/aps").statusCode());
    }

    @Test
    void apHeartbeatsPassTheConsoleLoginWithTheApsOwnTokenAndAreCountedInTheMetrics() {
        String apToken = new ApRepository(server.database().dsl(), new java.security.SecureRandom(), java.time.Clock.systemUTC()).register(new AccessPoint("hb-01",
                MacAddress.parse("02-00-5E-10-00-99"), "Heartbeat test AP", Optional.of("jining-centre"),
                Optional.of(new AccessPoint.Location(41.03, 113.13)), Optional.empty(), Optional.empty()), "test");
        HttpResponse<String> beat = http.post(api, "/api/aps/heartbeat", "application/json", "{\"interval_s\": 30, \"clients\": 4}",
                "Authorization", "Bearer " + apToken);
        assertEquals(200, beat.statusCode(), beat.body());
        assertEquals(401, http.post(api, "/api/aps/heartbeat", "application/json", "{}", "Authorization", "Bearer " + http.consoleToken(api, "olga", PASSWORD)).statusCode(),
                "a console login is not an AP token");
        assertEquals(404, http.post(portal, "/api/aps/heartbeat", "application/json", "{}", "Authorization", "Bearer " + apToken).statusCode());
        String metrics = http.get(api, "/metrics").body();
        assertTrue(metrics.contains("steppe_ap_heartbeats_total 1.0"), metrics);
        assertTrue(metrics.contains("steppe_ap_heartbeat_rejects_total{reason=\"unauthorized\"} 1.0"), metrics);
        server.controller().evaluator().inventoryChanged();
        server.controller().evaluator().evaluate();
        String token = http.consoleToken(api, "olga", PASSWORD);
        HttpResponse<String> ap = http.get(api, "/api/aps/hb-01", "Authorization", "Bearer " + token);
        assertTrue(ap.body().contains("\"state\":\"UP\"") && ap.body().contains("\"clients\":4"), ap.body());
        assertTrue(http.get(api, "/metrics").body().contains("steppe_ap_clients{ap=\"hb-01\"} 4.0"));
        assertEquals(303, http.get(api, "/console/aps").statusCode(), "the console needs a login");
        HttpResponse<String> page = http.get(api, "/console/aps", "Authorization", "Bearer " + token);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<svg id=\"ap-map\"") && page.body().contains("data-id=\"hb-01\""), page.body());
        assertTrue(http.get(api, "/console/aps/hb-01", "Authorization", "Bearer " + token).body().contains("<svg id=\"history\""));
        assertEquals("[]", http.get(api, "/api/alerts", "Authorization", "Bearer " + token).body());
    }

    /**
     * On main {@code serve} wrote every code to the log and kept it for {@code /api/dev/sms-outbox}; by default it now
     * has no SMS sender: no outbox even for an admin, no SMS form, and a posted one is told to use a voucher.
     */
    @Test
    void withoutAnSmsSenderThereIsNoOutboxAndNoSmsLogin() {
        assertEquals(404, http.get(api, "/api/dev/sms-outbox", "Authorization", "Bearer " + http.consoleToken(api, "ada", PASSWORD)).statusCode());
        TestGateways.add(server, "serve-gw", "127.0.0.1", "serve-radius-secret", Optional.empty());
        new UamAddresses(server.database().dsl()).set("serve-gw", List.of(InetAddress.getLoopbackAddress()), "test");
        HttpResponse<String> page = http.get(portal, "/?res=notyet&uamip=127.0.0.1&uamport=3990&challenge=6a3f0c1d2e4b5a697887766554433221"
                + "&mac=AA-BB-CC-00-00-07&nasid=serve-gw&lang=en");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(!page.body().contains("/login/sms/request") && page.body().contains("/login/voucher"), "no SMS form is offered");
        Map<String, String> fields = PortalLoginTest.hiddenFields(page.body());
        fields.put("terms", "yes");
        fields.put("phone", "+976 9911 2233");
        HttpResponse<String> sms = http.post(portal, "/login/sms/request", "application/x-www-form-urlencoded", PortalLoginTest.form(fields));
        assertEquals(404, sms.statusCode());
        assertTrue(sms.body().contains("SMS login is not available here; please use a voucher."), sms.body());
    }
}

package io.steppe.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.steppe.controller.ControllerConfig;
import io.steppe.controller.alert.AlertPolicy;
import io.steppe.controller.health.HealthRules;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeats over real HTTP into the embedded PostgreSQL, with short intervals and a clock the test moves. */
class HealthAndAlertsTest {

    private static final String BEAT = "{\"interval_s\": 5, \"clients\": 3}";

    @TempDir
    Path home;

    static ControllerConfig settings(Duration groupWait) {
        HealthRules d = HealthRules.defaults();
        return ControllerConfig.defaults()
                .withRules(new HealthRules(3, Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(20), d.thresholds()))
                .withAlerts(new AlertPolicy(3, 0.5, groupWait));
    }

    @Test
    void anApThatStopsReportingIsDownAfterThreeIntervalsAndComesBackUp() {
        try (ControllerHarness h = new ControllerHarness(home, settings(Duration.ZERO))) {
            String token = h.register("jn-01", 1, Optional.empty());
            assertEquals(200, h.heartbeat(token, BEAT).statusCode());
            h.evaluate();
            assertEquals("UP", state(h, "jn-01"));
            h.advance(Duration.ofSeconds(15));
            h.evaluate();
            assertEquals("UP", state(h, "jn-01"), "three intervals of 5 s have not yet passed");
            h.advance(Duration.ofSeconds(1));
            h.evaluate();
            String down = h.get("/api/aps/jn-01").body();
            assertTrue(down.contains("\"state\":\"DOWN\"") && down.contains("\"reasons\":[\"no heartbeat since 2026-05-01 16:00:00 (3 intervals of 5 s missed)\"],\"reasonCodes\":[\"silent\"]"), down);
            assertTrue(h.get("/api/alerts").body().contains("\"key\":\"ap:jn-01\",\"scope\":\"ap\",\"subject\":\"jn-01\",\"state\":\"DOWN\",\"reason\":\"silent\""));
            String zh = h.get("/api/alerts", "zh-CN,zh").body();
            assertTrue(zh.contains("\"message\":\"AP jn-01 离线：自 2026-05-01 16:00:00 起无心跳（已错过 3 个 5 秒的间隔）\""), zh);

            for (int i = 0; i < 5; i++) {
                assertEquals(200, h.heartbeat(token, BEAT).statusCode());
                h.evaluate();
                h.advance(Duration.ofSeconds(5));
            }
            h.evaluate();
            assertEquals("UP", state(h, "jn-01"), "back after reporting for the 20 s recovery hold");
            assertTrue(h.get("/api/aps/jn-01").body().contains("\"reasons\":[],\"reasonCodes\":[]"), "an UP AP has its (empty) reasons");
            assertEquals("[]", h.get("/api/alerts").body(), "the alert is resolved");
            assertTrue(h.get("/api/alerts?state=all").body().contains("\"resolvedAt\":\"2026-05-01T08:00:36Z\""),
                    h.get("/api/alerts?state=all").body());
            String history = h.get("/api/aps/jn-01/history?from=2026-05-01T07:00:00Z&to=2026-05-01T09:00:00Z").body();
            assertTrue(history.contains("\"resolution\":\"raw\""), history);
            assertTrue(history.contains("\"from\":\"UP\",\"to\":\"DOWN\"") && history.contains("\"from\":\"DOWN\",\"to\":\"UP\""), history);
            assertEquals(6, count(history, "\"samples\":1"), "one raw point per heartbeat");
        }
    }

    @Test
    void aFlappingApYieldsOneAlertWithAFlapCount() {
        try (ControllerHarness h = new ControllerHarness(home, settings(Duration.ZERO))) {
            String token = h.register("jn-01", 1, Optional.empty());
            h.heartbeat(token, BEAT);
            h.evaluate();
            h.advance(Duration.ofSeconds(16));
            h.evaluate();
            for (int flap = 0; flap < 3; flap++) {
                h.heartbeat(token, BEAT);
                h.evaluate();
                h.advance(Duration.ofSeconds(16));
                h.evaluate();
            }
            String alerts = h.get("/api/alerts").body();
            assertEquals(1, count(alerts, "\"id\":"), alerts);
            assertTrue(alerts.contains("\"flaps\":3") && alerts.contains("flapped 3 times"), alerts);
            assertTrue(h.get("/api/aps/jn-01").body().contains("\"flaps\":3"));
            assertEquals(1, count(h.get("/api/alerts?state=all").body(), "\"id\":"), "never resolved and reopened");
        }
    }

    @Test
    void aGatewayWithFortyApsDownGivesOneGroupedAlertDeliveredToTheWebhookWithRetries() throws Exception {
        List<String> received = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch delivered = new CountDownLatch(1);
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/alerts", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean fail = calls.incrementAndGet() == 1;
            exchange.sendResponseHeaders(fail ? 503 : 204, -1);
            exchange.close();
            if (!fail) {
                synchronized (received) {
                    received.add(body);
                }
                delivered.countDown();
            }
        });
        hook.start();
        URI url = URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/alerts");
        try (ControllerHarness h = new ControllerHarness(home, settings(Duration.ofSeconds(30)).withWebhook(url, 3, Duration.ofMillis(20)))) {
            h.gateway("gw-north", "10.9.0.1");
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                tokens.add(h.register(String.format("north-%02d", i), i, Optional.of("gw-north")));
            }
            String lone = h.register("lone-01", 100, Optional.empty());
            tokens.forEach(t -> assertEquals(200, h.heartbeat(t, BEAT).statusCode()));
            h.heartbeat(lone, BEAT);
            h.evaluate();
            h.advance(Duration.ofSeconds(16));
            h.heartbeat(lone, BEAT);
            h.evaluate();
            assertEquals(40, count(h.get("/api/aps?state=DOWN").body(), "\"id\":"));
            for (int i = 0; i < 4; i++) {
                h.advance(Duration.ofSeconds(10));
                h.heartbeat(lone, BEAT);
                h.evaluate();
            }
            String alerts = h.get("/api/alerts").body();
            assertEquals(1, count(alerts, "\"id\":"), alerts);
            assertTrue(alerts.contains("\"message\":\"gateway gw-north down, 40 APs affected\""), alerts);
            assertTrue(alerts.contains("\"affected\":40"), alerts);
            assertTrue(delivered.await(30, TimeUnit.SECONDS), "the webhook got the alert");
            assertEquals(2, calls.get(), "the first attempt failed with 503 and was retried");
            assertTrue(received.get(0).contains("\"event\":\"opened\"") && received.get(0).contains("gateway gw-north down, 40 APs affected"),
                    received.get(0));
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void anApSilentWithUsersStillOnlineThroughItIsUnreachableAndGatewaysShowSessionsAndReboots() throws Exception {
        try (ControllerHarness h = new ControllerHarness(home, settings(Duration.ZERO))) {
            h.gateway("gw-north", "10.9.0.1");
            String token = h.register("north-01", 1, Optional.of("gw-north"));
            h.heartbeat(token, BEAT);
            h.evaluate();
            var s = io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
            var nas = io.steppe.db.schema.Tables.NAS;
            long nasId = h.db.dsl().select(nas.ID).from(nas).where(nas.NAME.eq("gw-north")).fetchOne().value1();
            java.time.OffsetDateTime t = h.clock.instant().atOffset(java.time.ZoneOffset.UTC);
            for (String user : List.of("13800000001", "13800000002", "13800000002")) {
                h.db.dsl().insertInto(s).set(s.UNIQUE_ID, "u-" + user + "-" + System.nanoTime()).set(s.SESSION_ID, "x").set(s.NAS_ID, nasId)
                        .set(s.NAS_ADDRESS, org.jooq.postgres.extensions.types.Inet.valueOf(java.net.InetAddress.getByName("10.9.0.1")))
                        .set(s.USERNAME, user).set(s.AP_MAC, "02:00:5e:00:00:01").set(s.STARTED_AT, t).set(s.UPDATED_AT, t).execute();
            }
            h.advance(Duration.ofSeconds(16));
            h.evaluate();
            String ap = h.get("/api/aps/north-01").body();
            assertTrue(ap.contains("\"state\":\"UNREACHABLE\"") && ap.contains("but 2 user(s) active through it"), ap);
            assertTrue(ap.contains("\"sessions\":3,\"users\":2"), ap);
            String gateways = h.get("/api/gateways").body();
            assertTrue(gateways.contains("{\"name\":\"gw-north\",\"aps\":1,") && gateways.contains("\"UNREACHABLE\":1")
                    && gateways.contains("\"sessions\":3,\"users\":2,\"rebootsLastDay\":0"), gateways);
        }
    }

    @Test
    @SuppressWarnings("try") // the AP agent stops mid-test, inside the block that would close it anyway
    void aSilentApWhoseManagementPortAnswersIsDegradedNotDown() throws Exception {
        try (java.net.ServerSocket agentless = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            io.steppe.controller.probe.ProbePolicy probes = new io.steppe.controller.probe.ProbePolicy(
                    io.steppe.controller.probe.ProbePolicy.Scope.LOOPBACK, agentless.getLocalPort(), Duration.ofSeconds(1), 4, Duration.ofSeconds(30));
            try (ControllerHarness h = new ControllerHarness(home, settings(Duration.ZERO).withProbes(probes))) {
                String token = h.controller.aps().register(new io.steppe.controller.ap.AccessPoint("jn-07",
                        io.steppe.db.net.MacAddress.parse("02:00:5e:00:00:07"), "Street AP", Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.of("127.0.0.1")), "test");
                h.heartbeat(token, BEAT);
                h.evaluate();
                h.advance(Duration.ofSeconds(16));
                h.evaluate();
                h.advance(Duration.ofSeconds(10));
                h.evaluate();
                String ap = h.get("/api/aps/jn-07").body();
                assertTrue(ap.contains("\"state\":\"DEGRADED\"") && ap.contains("its management port answers"), ap);
                assertTrue(ap.contains("\"probeAnswered\":true"), ap);
                String degraded = h.get("/api/alerts").body();
                assertTrue(degraded.contains("\"state\":\"DEGRADED\",\"reason\":\"agent_silent\"") && degraded.contains("its management port answers"),
                        degraded);
                long id = Long.parseLong(degraded.replaceAll("(?s)^\\[\\{\"id\":(\\d+),.*", "$1"));
                assertEquals(200, h.post("/api/alerts/" + id + "/acknowledge", "application/json", "{\"note\":\"agent restart queued\"}").statusCode());
                agentless.close();
                h.advance(Duration.ofSeconds(31));
                h.evaluate();
                String down = h.get("/api/aps/jn-07").body();
                assertTrue(down.contains("\"state\":\"DOWN\"") && down.contains("its management port does not answer"), down);
                // the same incident, now DOWN: the alert follows the AP's committed state and reason, and is news again
                String alerts = h.get("/api/alerts").body();
                assertEquals(1, count(alerts, "\"id\":"), alerts);
                assertTrue(alerts.contains("{\"id\":" + id + ",\"key\":\"ap:jn-07\",\"scope\":\"ap\",\"subject\":\"jn-07\",\"state\":\"DOWN\",\"reason\":\"silent\"")
                        && alerts.contains("\"message\":\"AP jn-07 Down: no heartbeat since 2026-05-01 16:00:00 (3 intervals of 5 s missed); its management port does not answer\""),
                        alerts);
                assertFalse(alerts.contains("acknowledgedBy"), "a changed state is news again: " + alerts);
                assertEquals(1, count(h.get("/api/alerts?state=all").body(), "\"id\":"), "one incident, one alert");
            }
        }
    }

    static String state(ControllerHarness h, String id) {
        Matcher m = Pattern.compile("\"state\":\"([A-Z]+)\"").matcher(h.get("/api/aps/" + id).body());
        return m.find() ? m.group(1) : "none";
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}

package io.steppe.controller.web;

import static io.steppe.db.schema.Tables.AP_SAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ControllerSettings;
import io.steppe.controller.heartbeat.HeartbeatRejected;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatControllerTest {

    static final String FULL = """
            {"interval_s": 30, "uptime_s": 86400, "load": 0.35, "memory": 0.6, "clients": 14, "firmware": "7.4.2",
             "radios": [{"band": "2.4", "channel": 6, "tx_power_dbm": 20, "noise_dbm": -92, "utilization": 0.41, "retries": 0.08, "clients": 9},
                        {"band": "5", "channel": 36, "tx_power_dbm": 23, "noise_dbm": -95, "utilization": 0.22, "retries": 0.03, "clients": 5}],
             "backhaul": {"rtt_ms": 18.5, "loss": 0.0}, "vendor_extra": {"ignored": true}}""";

    @TempDir
    Path home;
    ControllerHarness h;

    @BeforeEach
    void start() {
        h = new ControllerHarness(home, ControllerSettings.defaults());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void heartbeatIsAnsweredOnceItIsStoredAndTheApShowsUp() {
        String token = h.register("jn-01", 1, Optional.empty());
        HttpResponse<String> answer = h.heartbeat(token, FULL);
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"ap\":\"jn-01\""), answer.body());
        assertEquals(1, h.db.dsl().fetchCount(AP_SAMPLE), "acknowledged means written");
        assertEquals(0.41f, h.db.dsl().select(AP_SAMPLE.CHANNEL_UTIL).from(AP_SAMPLE).fetchOne().value1(), 1e-6, "the busiest radio");
        h.evaluate();
        HttpResponse<String> ap = h.get("/api/aps/jn-01");
        assertTrue(ap.body().contains("\"state\":\"UP\""), ap.body());
        assertTrue(ap.body().contains("\"clients\":14"), ap.body());
        assertTrue(ap.body().contains("\"firmware\":\"7.4.2\""), ap.body());
        assertEquals(1, h.controller.counters().accepted());
    }

    @Test
    void heartbeatsArrivingTogetherShareTransactions() {
        java.util.List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tokens.add(h.register("jn-" + i, i, Optional.empty()));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            java.util.List<java.util.concurrent.CompletableFuture<Integer>> answers = tokens.stream()
                    .map(t -> java.util.concurrent.CompletableFuture.supplyAsync(() -> h.heartbeat(t, FULL).statusCode(), pool)).toList();
            answers.forEach(a -> assertEquals(200, a.join()));
        } finally {
            pool.shutdown();
        }
        assertEquals(40, h.controller.counters().accepted());
        assertEquals(40, h.db.dsl().fetchCount(AP_SAMPLE));
        assertTrue(h.controller.counters().batches() <= 20, h.controller.counters().batches() + " transactions for 40 heartbeats");
    }

    @Test
    void textIsStoredAsSentWhateverItsCharacters() {
        String token = h.register("jn-01", 1, Optional.empty());
        assertEquals(200, h.heartbeat(token, "{\"firmware\": \"7.4\\tbeta\\\\N \\u4e4c\\n\"}").statusCode());
        assertEquals("7.4\tbeta\\N \u4e4c\n", h.db.dsl().select(AP_SAMPLE.FIRMWARE).from(AP_SAMPLE).fetchOne().value1());
    }

    @Test
    void badTokensAreRefusedWith401AndCounted() {
        h.register("jn-01", 1, Optional.empty());
        HttpResponse<String> wrong = h.heartbeat("not-the-token-of-any-ap-at-all", "{}");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("unknown AP token"), wrong.body());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").isPresent());
        HttpResponse<String> none = h.post("/api/aps/heartbeat", "application/json", "{}");
        assertEquals(401, none.statusCode());
        assertEquals(2, h.controller.counters().rejected(HeartbeatRejected.Kind.UNAUTHORIZED));
        assertEquals(0, h.db.dsl().fetchCount(AP_SAMPLE));
    }

    @Test
    void badJsonIsRefusedWith400NamingTheField() {
        String token = h.register("jn-01", 1, Optional.empty());
        assertRefused(h.heartbeat(token, "{\"clients\": "), 400, "the body is not JSON");
        assertRefused(h.heartbeat(token, "[1,2]"), 400, "the body must be a JSON object");
        assertRefused(h.heartbeat(token, "{\"clients\": -3}"), 400, "clients must be a whole number");
        assertRefused(h.heartbeat(token, "{\"interval_s\": \"30\"}"), 400, "interval_s must be a whole number");
        assertRefused(h.heartbeat(token, "{\"radios\": [{\"band\": \"5\", \"utilization\": 1.7}]}"), 400, "radios[0].utilization must be a number 0..1");
        assertRefused(h.heartbeat(token, "{\"radios\": [{\"band\": \"60\"}]}"), 400, "radios[0].band must be");
        assertRefused(h.heartbeat(token, "{\"backhaul\": {\"loss\": \"none\"}}"), 400, "backhaul.loss must be a number");
        assertEquals(7, h.controller.counters().rejected(HeartbeatRejected.Kind.MALFORMED));
        assertEquals(0, h.db.dsl().fetchCount(AP_SAMPLE));
    }

    @Test
    void heartbeatsFromTheFutureOrFarPastAreRefused() {
        String token = h.register("jn-01", 1, Optional.empty());
        assertRefused(h.heartbeat(token, "{\"timestamp\": \"2026-05-01T09:00:00Z\"}"), 400, "timestamp is 3600 s in the future");
        assertRefused(h.heartbeat(token, "{\"timestamp\": \"2026-04-30T08:00:00Z\"}"), 400, "s in the past");
        assertEquals(200, h.heartbeat(token, "{\"timestamp\": \"2026-05-01T16:00:30+08:00\"}").statusCode(), "30 s of skew is fine");
        assertEquals(2, h.controller.counters().rejected(HeartbeatRejected.Kind.CLOCK_SKEW));
    }

    @Test
    void oversizedBodiesAreRefusedWith413AndCounted() {
        String token = h.register("jn-01", 1, Optional.empty());
        String big = "{\"firmware\": \"7\", \"padding\": \"" + "x".repeat(20_000) + "\"}";
        assertRefused(h.heartbeat(token, big), 413, "at most 16384 are accepted");
        assertEquals(1, h.controller.counters().rejected(HeartbeatRejected.Kind.TOO_LARGE));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(message), response.body());
    }
}

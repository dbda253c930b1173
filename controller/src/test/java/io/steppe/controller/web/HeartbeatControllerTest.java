package io.steppe.controller.web;

import static io.steppe.db.schema.Tables.AP_SAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ControllerConfig;
import io.steppe.controller.heartbeat.HeartbeatField;
import io.steppe.controller.heartbeat.HeartbeatRejected;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        h = new ControllerHarness(home, ControllerConfig.defaults());
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
        assertEquals(200, h.heartbeat(token, "{\"firmware\": \"7.4 beta\\\\N \\u4e4c 'x' \\ud83d\\udce1\"}").statusCode());
        assertEquals("7.4 beta\\N \u4e4c 'x' \ud83d\udce1", h.db.dsl().select(AP_SAMPLE.FIRMWARE).from(AP_SAMPLE).fetchOne().value1());
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
    void onlyABodyThatIsNotAJsonObjectIsRefusedWith400() {
        String token = h.register("jn-01", 1, Optional.empty());
        assertRefused(h.heartbeat(token, "{\"clients\": "), 400, "the body is not JSON");
        assertRefused(h.heartbeat(token, "[1,2]"), 400, "the body must be a JSON object");
        assertRefused(h.heartbeat(token, ""), 400, "the body is not JSON");
        assertEquals(3, h.controller.counters().rejected(HeartbeatRejected.Kind.MALFORMED));
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

    @Test
    void aNulInOneApsHeartbeatCostsNoOtherApItsPlace() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tokens.add(h.register("jn-" + i, i, Optional.empty()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            // sent together, so that the poisoned heartbeat shares its COPY with others
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                String body = i == 7 ? "{\"firmware\": \"7.4.2\\u0000; DROP\", \"clients\": 3}" : FULL;
                String token = tokens.get(i);
                answers.add(CompletableFuture.supplyAsync(() -> h.heartbeat(token, body), pool));
            }
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                assertEquals(200, answer.join().statusCode(), answer.join().body());
            }
            assertTrue(answers.get(7).join().body().contains("\"field\":\"firmware\""), answers.get(7).join().body());
        } finally {
            pool.shutdown();
        }
        assertEquals(30, h.db.dsl().fetchCount(AP_SAMPLE), "every AP's heartbeat is stored");
        assertEquals(3, h.db.dsl().select(AP_SAMPLE.CLIENTS).from(AP_SAMPLE).where(AP_SAMPLE.AP_ID.eq("jn-7")).fetchOne().value1(),
                "the rest of the poisoned heartbeat counts");
        h.evaluate();
        for (int i = 0; i < 30; i++) {
            assertTrue(h.get("/api/aps/jn-" + i).body().contains("\"state\":\"UP\""), "jn-" + i);
        }
    }

    @Test
    void fieldsItCannotReadAreIgnoredNamedAndCountedAndTheApStaysUp() {
        String token = h.register("jn-01", 1, Optional.empty());
        HttpResponse<String> answer = h.heartbeat(token, """
                {"clients": -3, "interval_s": "30", "load": 0.2, "firmware": "7.4\\u0007", "uptime_s": 1e300,
                 "radios": [{"band": "60", "utilization": 1.7, "noise_dbm": -90}, "wifi", {"band": "5", "channel": "36"}],
                 "backhaul": {"loss": "none", "rtt_ms": 12, "jitter_ms": 3}, "vendor_extra": {"ignored": true}}""");
        assertEquals(200, answer.statusCode(), answer.body());
        for (String field : List.of("clients", "interval_s", "firmware", "uptime_s", "radios[0].band", "radios[0].utilization", "radios[1]",
                "radios[2].channel", "backhaul.loss", "backhaul.jitter_ms", "vendor_extra")) {
            assertTrue(answer.body().contains("\"field\":\"" + field + "\""), field + " named in " + answer.body());
        }
        var row = h.db.dsl().selectFrom(AP_SAMPLE).fetchOne();
        assertEquals(0.2f, row.getCpuLoad(), 1e-6, "what was readable is stored");
        assertEquals(-90f, row.getNoiseDbm(), 1e-6, "a radio without a band still counts");
        assertEquals(12f, row.getRttMs(), 1e-6);
        assertEquals(30, row.getIntervalS(), "the default interval");
        assertNull(row.getFirmware(), "a firmware with a control character is left out");
        assertEquals(1, h.controller.counters().ignored(HeartbeatField.RADIO_BAND));
        assertEquals(1, h.controller.counters().ignored(HeartbeatField.FIRMWARE));
        assertEquals(1, h.controller.counters().ignored(HeartbeatField.BACKHAUL_LOSS));
        assertEquals(2, h.controller.counters().ignored(HeartbeatField.UNKNOWN), "jitter_ms and vendor_extra");
        assertEquals(0, h.controller.counters().rejected(HeartbeatRejected.Kind.MALFORMED));
        h.evaluate();
        assertTrue(h.get("/api/aps/jn-01").body().contains("\"state\":\"UP\""));
    }

    @Test
    void bandsSpelledTheWayAgentsSpellThemAreRead() {
        String token = h.register("jn-01", 1, Optional.empty());
        HttpResponse<String> answer = h.heartbeat(token, """
                {"radios": [{"band": "2.4GHz", "channel": 6}, {"band": "5 GHz", "channel": 36}, {"band": "2g"}, {"band": 6},
                            {"band": "6E"}, {"band": "5.8G"}]}""");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"warnings\":[]"), answer.body());
        assertEquals("[\"2.4\", \"5\", \"2.4\", \"6\", \"6\", \"5\"]", h.db.dsl().resultQuery(
                "SELECT jsonb_path_query_array(radios, '$[*].band')::text FROM ap_sample").fetchOne().get(0, String.class));
    }

    @Test
    void aLargeBodyWithABadTokenIsRefusedBeforeItIsSent() {
        h.register("jn-01", 1, Optional.empty());
        assertEquals("HTTP/1.1 401 Unauthorized", h.statusLineWithoutTheBody(head("not-the-token-of-any-ap-at-all", 12 << 20)));
        assertEquals(1, h.controller.counters().rejected(HeartbeatRejected.Kind.UNAUTHORIZED));
    }

    @Test
    void aLargeBodyWithAGoodTokenIsRefusedBeforeItIsSent() {
        String token = h.register("jn-01", 1, Optional.empty());
        assertEquals("HTTP/1.1 413 Request Entity Too Large", h.statusLineWithoutTheBody(head(token, 12 << 20)));
        assertEquals(1, h.controller.counters().rejected(HeartbeatRejected.Kind.TOO_LARGE));
        assertEquals(0, h.db.dsl().fetchCount(AP_SAMPLE));
    }

    @Test
    void aBodySentWithoutALengthIsCutAtTheLimit() {
        String token = h.register("jn-01", 1, Optional.empty());
        String big = "{\"firmware\": \"7\", \"padding\": \"" + "x".repeat(100_000) + "\"}";
        HttpResponse<String> answer = h.send(HttpRequest.newBuilder(h.uri("/api/aps/heartbeat")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))).build());
        assertRefused(answer, 413, "the body is over 16384 bytes");
        assertEquals(0, h.db.dsl().fetchCount(AP_SAMPLE));
    }

    private static String head(String token, int length) {
        return "POST /api/aps/heartbeat HTTP/1.1\nHost: 127.0.0.1\nAuthorization: Bearer " + token
                + "\nContent-Type: application/json\nContent-Length: " + length + "\n";
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().contains(message), response.body());
    }
}

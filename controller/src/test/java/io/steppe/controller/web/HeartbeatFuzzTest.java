package io.steppe.controller.web;

import static io.steppe.db.schema.Tables.AP_SAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ControllerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heartbeats with random bad values (a fixed seed, so a failure repeats) sent together with good ones from many APs,
 * and with requests that must be refused: every heartbeat with a good token and a JSON object is stored, whatever
 * its fields hold, and every AP (healthy by all that could be read) is UP; nothing else is stored.
 */
class HeartbeatFuzzTest {

    private static final int APS = 40;
    private static final int ROUNDS = 6;
    /** JSON text written as is, for numbers Java would not print so. */
    private record Raw(String json) {
    }

    private static final List<BiConsumer<Map<String, Object>, Random>> MUTATIONS = List.of(
            (m, r) -> m.put("firmware", "7.4" + (char) r.nextInt(0x20) + "x"),
            (m, r) -> m.put("firmware", "7.4\u007f\u0085"),
            (m, r) -> m.put("firmware", "broken \ud800 pair"),
            (m, r) -> m.put("firmware", "x".repeat(101)),
            (m, r) -> m.put("firmware", 742),
            (m, r) -> m.put("firmware", "\u0000"),
            (m, r) -> radio(m).put("band", "2.4GHz"),
            (m, r) -> radio(m).put("band", "5 GHz"),
            (m, r) -> radio(m).put("band", "2g"),
            (m, r) -> radio(m).put("band", "60"),
            (m, r) -> radio(m).put("band", "wifi\u0000"),
            (m, r) -> radio(m).put("band", true),
            (m, r) -> radio(m).put("channel", 999),
            (m, r) -> radio(m).put("utilization", "busy"),
            (m, r) -> radio(m).put("noise_dbm", new Raw("1e308")),
            (m, r) -> m.put("load", 1.5),
            (m, r) -> m.put("memory", -0.1),
            (m, r) -> m.put("clients", -1),
            (m, r) -> m.put("clients", new Raw("12.5")),
            (m, r) -> m.put("interval_s", 0),
            (m, r) -> m.put("interval_s", "30"),
            (m, r) -> m.put("uptime_s", new Raw("1e300")),
            (m, r) -> m.put("uptime_s", new Raw("-9223372036854775809")),
            (m, r) -> m.put("timestamp", "yesterday"),
            (m, r) -> m.put("timestamp", List.of(1, 2)),
            (m, r) -> m.put("radios", Map.of("band", "5")),
            (m, r) -> m.put("radios", List.of(1, "x", List.of())),
            (m, r) -> m.put("radios", java.util.Collections.nCopies(40, Map.of("band", "5"))),
            (m, r) -> m.put("backhaul", List.of(18.5)),
            (m, r) -> m.put("backhaul", Map.of("loss", "none", "rtt_ms", new Raw("-1"))),
            (m, r) -> m.put("vendor\u0000field\ud800", Map.of("nested", List.of(Map.of("deep", "\u0001")))),
            (m, r) -> m.put("x".repeat(500), 1));

    @Test
    void everyHeartbeatWithAGoodTokenAndAJsonObjectIsStoredWhateverItsFieldsHold(@TempDir Path home) {
        try (ControllerHarness h = new ControllerHarness(home, ControllerConfig.defaults())) {
            fuzz(h);
        }
    }

    private static void fuzz(ControllerHarness h) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < APS; i++) {
            tokens.add(h.register("fz-" + i, i, Optional.empty()));
        }
        Random random = new Random(15);
        Map<String, Integer> expected = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<CompletableFuture<HttpResponse<String>>> stored = new ArrayList<>();
                List<CompletableFuture<HttpResponse<String>>> refused = new ArrayList<>();
                for (int ap = 0; ap < APS; ap++) {
                    Map<String, Object> beat = good(random);
                    for (int n = random.nextInt(4); n > 0; n--) {
                        MUTATIONS.get(random.nextInt(MUTATIONS.size())).accept(beat, random);
                    }
                    String token = tokens.get(ap);
                    String body = json(beat);
                    stored.add(CompletableFuture.supplyAsync(() -> h.heartbeat(token, body), pool));
                    expected.merge("fz-" + ap, 1, Integer::sum);
                    if (random.nextInt(8) == 0) {
                        String bad = List.of("[1]", "\"up\"", "{\"clients\": ", "null").get(random.nextInt(4));
                        String stranger = "x".repeat(20) + random.nextInt(1000);
                        refused.add(CompletableFuture.supplyAsync(() -> h.heartbeat(token, bad), pool));
                        refused.add(CompletableFuture.supplyAsync(() -> h.heartbeat(stranger, body), pool));
                    }
                }
                for (CompletableFuture<HttpResponse<String>> answer : stored) {
                    assertEquals(200, answer.join().statusCode(), answer.join().body());
                }
                for (CompletableFuture<HttpResponse<String>> answer : refused) {
                    int status = answer.join().statusCode();
                    assertTrue(status == 400 || status == 401, status + " " + answer.join().body());
                }
            }
        } finally {
            pool.shutdown();
        }
        Map<String, Integer> rows = new HashMap<>();
        h.db.dsl().select(AP_SAMPLE.AP_ID, DSL.count()).from(AP_SAMPLE).groupBy(AP_SAMPLE.AP_ID)
                .forEach(r -> rows.put(r.value1(), r.value2()));
        assertEquals(expected, rows, "every heartbeat acknowledged is stored, and nothing refused is");
        h.evaluate();
        for (int i = 0; i < APS; i++) {
            String ap = h.get("/api/aps/fz-" + i).body();
            assertTrue(ap.contains("\"state\":\"UP\""), ap);
        }
    }

    private static Map<String, Object> good(Random random) {
        Map<String, Object> beat = new LinkedHashMap<>();
        beat.put("interval_s", 30);
        beat.put("uptime_s", random.nextInt(1_000_000));
        beat.put("load", random.nextInt(70) / 100.0);
        beat.put("memory", random.nextInt(70) / 100.0);
        beat.put("clients", random.nextInt(40));
        beat.put("firmware", "7.4." + random.nextInt(9));
        List<Object> radios = new ArrayList<>();
        radios.add(new LinkedHashMap<>(Map.of("band", "2.4", "channel", 1 + random.nextInt(13), "utilization", random.nextInt(60) / 100.0)));
        radios.add(new LinkedHashMap<>(Map.of("band", "5", "channel", 36, "noise_dbm", -95)));
        beat.put("radios", radios);
        beat.put("backhaul", new LinkedHashMap<>(Map.of("rtt_ms", 10 + random.nextInt(50), "loss", 0.0)));
        return beat;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> radio(Map<String, Object> beat) {
        if (beat.get("radios") instanceof List<?> radios && !radios.isEmpty() && radios.get(0) instanceof LinkedHashMap<?, ?> radio) {
            return (Map<String, Object>) radio;
        }
        Map<String, Object> radio = new LinkedHashMap<>();
        beat.put("radios", new ArrayList<>(List.of(radio)));
        return radio;
    }

    /** JSON with every string escaped as JSON requires: control characters and lone surrogates as \\u escapes. */
    private static String json(Object value) {
        if (value instanceof Raw raw) {
            return raw.json();
        }
        if (value instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                out.append(c == '"' || c == '\\' ? "\\" + c : c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c)
                        : String.valueOf(c));
            }
            return out.append('"').toString();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(json(k) + ":" + json(v)));
            return "{" + String.join(",", fields) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(HeartbeatFuzzTest::json).toList()) + "]";
        }
        return String.valueOf(value);
    }
}

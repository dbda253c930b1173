package io.steppe.controller.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeartbeatParserTest {

    static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    final HeartbeatParser parser = new HeartbeatParser(JsonMapper.createDefault(), Duration.ofMinutes(5));

    @Test
    void bandsAreReadInTheSpellingsAgentsUseWhereTheyNameOneBand() {
        for (String band : List.of("\"2.4\"", "2.4", "\"2.4GHz\"", "\"2.4 GHz\"", "\"2.4g\"", "\"2g\"", "\"2G\"", "2", "\"2.45\"")) {
            assertEquals(Optional.of("2.4"), bandOf(band), band);
        }
        for (String band : List.of("\"5\"", "5", "\"5GHz\"", "\"5 GHz\"", "\"5g\"", "\"5.8G\"", "5.2")) {
            assertEquals(Optional.of("5"), bandOf(band), band);
        }
        for (String band : List.of("\"6\"", "6", "\"6GHz\"", "\"6g\"", "\"6E\"", "\"6 ghz\"")) {
            assertEquals(Optional.of("6"), bandOf(band), band);
        }
        for (String band : List.of("\"60\"", "\"wifi\"", "\"2.4/5\"", "\"\"", "3", "true", "\"5\\u0000\"", "{}")) {
            assertEquals(Optional.empty(), bandOf(band), band);
        }
    }

    @Test
    void aFieldThatCannotBeReadIsLeftOutAndNamedAndTheRestIsRead() {
        ParsedHeartbeat parsed = parse("""
                {"clients": 12, "load": "high", "firmware": "7.4\\u0000", "timestamp": "soon", "interval_s": 60,
                 "radios": [{"band": "2.4GHz", "utilization": 0.5, "colour": "red"}, 7], "backhaul": {"loss": 2},
                 "ext\\u0001ra": 1}""");
        assertEquals(List.of(
                new IgnoredField("timestamp", HeartbeatField.TIMESTAMP, "must be ISO-8601 with an offset (2026-05-01T08:00:00+08:00)"
                        + " or epoch milliseconds; the receive time was used"),
                new IgnoredField("radios[0].colour", HeartbeatField.UNKNOWN, "is not a field Steppe reads"),
                new IgnoredField("radios[1]", HeartbeatField.RADIO, "must be an object"),
                new IgnoredField("backhaul.loss", HeartbeatField.BACKHAUL_LOSS, "must be a number 0..1"),
                new IgnoredField("load", HeartbeatField.LOAD, "must be a number 0..1"),
                new IgnoredField("firmware", HeartbeatField.FIRMWARE, "must be a string of 1 to 100 printable characters"),
                new IgnoredField("ext\\u0001ra", HeartbeatField.UNKNOWN, "is not a field Steppe reads")), parsed.ignored());
        Heartbeat h = parsed.heartbeat();
        assertEquals(NOW, h.sentAt());
        assertEquals(Duration.ofSeconds(60), h.interval());
        assertEquals(12, h.clients().getAsInt());
        assertEquals(Optional.of("2.4"), h.radios().get(0).band());
        assertEquals(0.5, h.channelUtilization().getAsDouble());
        assertEquals(1, h.radios().size());
    }

    @Test
    void onlyABodyThatIsNotAnObjectOrATimestampFarOffRefusesTheHeartbeat() {
        for (String body : List.of("", "[]", "null", "\"alive\"", "{\"clients\": ", "{\"a\": \"\u0000\"}")) {
            assertEquals(HeartbeatRejected.Kind.MALFORMED, assertThrows(HeartbeatRejected.class, () -> parse(body)).kind(), body);
        }
        HeartbeatRejected skew = assertThrows(HeartbeatRejected.class, () -> parse("{\"timestamp\": \"2026-05-01T08:06:00Z\"}"));
        assertEquals(HeartbeatRejected.Kind.CLOCK_SKEW, skew.kind());
        assertEquals("timestamp is 360 s in the future (at most 300 s is accepted; is the AP's clock set?)", skew.getMessage());
    }

    @Test
    void unknownFieldNamesAreShownShortAndPrintable() {
        ParsedHeartbeat parsed = parse("{\"" + "n".repeat(200) + "\": 1, \"a\\ud800b\": 2}");
        assertEquals(List.of("n".repeat(64) + "…", "a\\ud800b"), parsed.ignored().stream().map(IgnoredField::path).toList());
    }

    private Optional<String> bandOf(String json) {
        ParsedHeartbeat parsed = parse("{\"radios\": [{\"band\": " + json + ", \"channel\": 1}]}");
        return parsed.heartbeat().radios().get(0).band();
    }

    private ParsedHeartbeat parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
    }
}

package io.steppe.controller.heartbeat;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Turns a heartbeat's JSON into a {@link Heartbeat}. A heartbeat is evidence that its AP is alive, so only a body
 * that is not a JSON object or a {@code timestamp} further than the allowed skew from the receive time (an AP with a
 * wrong clock, or a replay) refuses it. Any other field that is unknown, malformed or out of range is left out and
 * named in the {@link ParsedHeartbeat}; the rest of the heartbeat counts.
 */
public final class HeartbeatParser {

    /** Used when the AP does not say. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    private static final int MAX_RADIOS = 16;
    /** Twenty years: an uptime beyond it is a counter gone wrong, not an AP. */
    private static final long MAX_UPTIME_S = 20L * 366 * 24 * 3600;

    private final JsonMapper json;
    private final Duration maxSkew;

    public HeartbeatParser(JsonMapper json, Duration maxSkew) {
        this.json = json;
        this.maxSkew = maxSkew;
    }

    /** @throws HeartbeatRejected {@code MALFORMED} for a body that is not a JSON object, {@code CLOCK_SKEW} */
    public ParsedHeartbeat parse(byte[] body, Instant receivedAt) {
        JsonNode root;
        try {
            root = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw malformed("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("the body must be a JSON object");
        }
        List<IgnoredField> ignored = new ArrayList<>();
        HeartbeatFields top = new HeartbeatFields(root, "", null, ignored);
        Instant sentAt = timestamp(top).orElse(receivedAt);
        Duration skew = Duration.between(receivedAt, sentAt);
        if (skew.abs().compareTo(maxSkew) > 0) {
            throw new HeartbeatRejected(HeartbeatRejected.Kind.CLOCK_SKEW, "timestamp is " + Math.abs(skew.toSeconds()) + " s in the "
                    + (skew.isNegative() ? "past" : "future") + " (at most " + maxSkew.toSeconds() + " s is accepted; is the AP's clock set?)");
        }
        OptionalLong interval = top.whole("interval_s", 1, 3600);
        List<Heartbeat.Radio> radios = new ArrayList<>();
        List<JsonNode> radioNodes = top.array("radios", MAX_RADIOS);
        for (int i = 0; i < radioNodes.size(); i++) {
            JsonNode node = radioNodes.get(i);
            if (node.isObject()) {
                radios.add(radio(new HeartbeatFields(node, "radios[" + i + "].", HeartbeatField.RADIO, ignored)));
            } else {
                ignored.add(new IgnoredField("radios[" + i + "]", HeartbeatField.RADIO, "must be an object"));
            }
        }
        Optional<Heartbeat.Backhaul> backhaul = top.object("backhaul").map(b -> {
            Heartbeat.Backhaul read = new Heartbeat.Backhaul(b.number("rtt_ms", 0, 60_000), b.number("loss", 0, 1));
            b.unread();
            return read;
        });
        Heartbeat heartbeat = new Heartbeat(sentAt, interval.isPresent() ? Duration.ofSeconds(interval.getAsLong()) : DEFAULT_INTERVAL,
                top.whole("uptime_s", 0, MAX_UPTIME_S), top.number("load", 0, 1), top.number("memory", 0, 1),
                toInt(top.whole("clients", 0, 100_000)), radios, backhaul, top.text("firmware", 100));
        top.unread();
        return new ParsedHeartbeat(heartbeat, ignored);
    }

    private static Heartbeat.Radio radio(HeartbeatFields f) {
        Heartbeat.Radio radio = new Heartbeat.Radio(f.band("band"), toInt(f.whole("channel", 1, 233)), f.number("tx_power_dbm", -10, 40),
                f.number("noise_dbm", -130, 0), f.number("utilization", 0, 1), f.number("retries", 0, 1),
                toInt(f.whole("clients", 0, 100_000)));
        f.unread();
        return radio;
    }

    /** When the AP says it sent the heartbeat; one it wrote unreadably is taken as sent when received. */
    private static Optional<Instant> timestamp(HeartbeatFields top) {
        JsonNode node = top.value("timestamp");
        if (node == null) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(node.getLongValue()));
        }
        if (node.isString()) {
            try {
                return Optional.of(OffsetDateTime.parse(node.getStringValue()).toInstant());
            } catch (DateTimeParseException e) {
                // noted below
            }
        }
        return top.ignore("timestamp", "must be ISO-8601 with an offset (2026-05-01T08:00:00+08:00) or epoch milliseconds;"
                + " the receive time was used", Optional.empty());
    }

    private static OptionalInt toInt(OptionalLong value) {
        return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    private static HeartbeatRejected malformed(String message) {
        return new HeartbeatRejected(HeartbeatRejected.Kind.MALFORMED, message);
    }
}

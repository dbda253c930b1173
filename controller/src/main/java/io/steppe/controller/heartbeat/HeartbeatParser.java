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
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns a heartbeat's JSON into a {@link Heartbeat}, naming the first field that is wrong. Unknown fields are
 * ignored so that agents can send more than Steppe reads. A heartbeat whose {@code timestamp} is further than
 * the allowed skew from the receive time (an AP with a wrong clock, or a replay) is refused.
 */
public final class HeartbeatParser {

    /** Used when the AP does not say. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);
    private static final int MAX_RADIOS = 16;
    private static final Set<String> BANDS = Set.of("2.4", "5", "6");

    private final JsonMapper json;
    private final Duration maxSkew;

    public HeartbeatParser(JsonMapper json, Duration maxSkew) {
        this.json = json;
        this.maxSkew = maxSkew;
    }

    /** @throws HeartbeatRejected ({@code MALFORMED} or {@code CLOCK_SKEW}) naming the field */
    public Heartbeat parse(byte[] body, Instant receivedAt) {
        JsonNode root;
        try {
            root = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw malformed("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("the body must be a JSON object");
        }
        Instant sentAt = timestamp(root.get("timestamp")).orElse(receivedAt);
        Duration skew = Duration.between(receivedAt, sentAt);
        if (skew.abs().compareTo(maxSkew) > 0) {
            throw new HeartbeatRejected(HeartbeatRejected.Kind.CLOCK_SKEW, "timestamp is " + Math.abs(skew.toSeconds()) + " s in the "
                    + (skew.isNegative() ? "past" : "future") + " (at most " + maxSkew.toSeconds() + " s is accepted; is the AP's clock set?)");
        }
        OptionalLong interval = integer(root, "interval_s", 1, 3600);
        List<Heartbeat.Radio> radios = new ArrayList<>();
        JsonNode radiosNode = root.get("radios");
        if (radiosNode != null && !radiosNode.isNull()) {
            if (!radiosNode.isArray() || radiosNode.size() > MAX_RADIOS) {
                throw malformed("radios must be an array of at most " + MAX_RADIOS + " objects");
            }
            for (int i = 0; i < radiosNode.size(); i++) {
                radios.add(radio(radiosNode.get(i), "radios[" + i + "]"));
            }
        }
        Optional<Heartbeat.Backhaul> backhaul = Optional.empty();
        JsonNode backhaulNode = root.get("backhaul");
        if (backhaulNode != null && !backhaulNode.isNull()) {
            if (!backhaulNode.isObject()) {
                throw malformed("backhaul must be an object with rtt_ms and loss");
            }
            backhaul = Optional.of(new Heartbeat.Backhaul(number(backhaulNode, "backhaul.", "rtt_ms", 0, 60_000),
                    number(backhaulNode, "backhaul.", "loss", 0, 1)));
        }
        return new Heartbeat(sentAt, interval.isPresent() ? Duration.ofSeconds(interval.getAsLong()) : DEFAULT_INTERVAL,
                integer(root, "uptime_s", 0, Long.MAX_VALUE), number(root, "", "load", 0, 1), number(root, "", "memory", 0, 1),
                toInt(integer(root, "clients", 0, 100_000)), radios, backhaul, text(root, "firmware", 100));
    }

    private Heartbeat.Radio radio(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw malformed(path + " must be an object");
        }
        JsonNode band = node.get("band");
        String bandValue = band == null ? null : band.isString() ? band.getStringValue() : band.isNumber() ? trim(band.getDoubleValue()) : null;
        if (bandValue == null || !BANDS.contains(bandValue)) {
            throw malformed(path + ".band must be \"2.4\", \"5\" or \"6\" (GHz)");
        }
        String prefix = path + ".";
        return new Heartbeat.Radio(bandValue, toInt(integer(node, prefix, "channel", 1, 233)),
                number(node, prefix, "tx_power_dbm", -10, 40), number(node, prefix, "noise_dbm", -130, 0),
                number(node, prefix, "utilization", 0, 1), number(node, prefix, "retries", 0, 1),
                toInt(integer(node, prefix, "clients", 0, 100_000)));
    }

    private static String trim(double band) {
        return band == Math.rint(band) ? Long.toString((long) band) : Double.toString(band);
    }

    private static Optional<Instant> timestamp(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(node.getLongValue()));
        }
        if (node.isString()) {
            try {
                return Optional.of(OffsetDateTime.parse(node.getStringValue()).toInstant());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw malformed("timestamp must be ISO-8601 with an offset (2026-05-01T08:00:00+08:00) or epoch milliseconds");
    }

    private static OptionalLong integer(JsonNode node, String field, long min, long max) {
        return integer(node, "", field, min, max);
    }

    private static OptionalLong integer(JsonNode node, String prefix, String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        if (!value.isNumber() || value.getDoubleValue() != Math.rint(value.getDoubleValue())
                || value.getDoubleValue() < min || value.getDoubleValue() > max) {
            throw malformed(prefix + field + " must be a whole number " + min + ".." + (max == Long.MAX_VALUE ? "" : max));
        }
        return OptionalLong.of(value.getLongValue());
    }

    private static OptionalDouble number(JsonNode node, String prefix, String field, double min, double max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber() || !(value.getDoubleValue() >= min && value.getDoubleValue() <= max)) {
            throw malformed(prefix + field + " must be a number " + trim(min) + ".." + trim(max));
        }
        return OptionalDouble.of(value.getDoubleValue());
    }

    private static Optional<String> text(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString() || value.getStringValue().isBlank() || value.getStringValue().length() > maxLength) {
            throw malformed(field + " must be a string of 1 to " + maxLength + " characters");
        }
        return Optional.of(value.getStringValue());
    }

    private static OptionalInt toInt(OptionalLong value) {
        return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    private static HeartbeatRejected malformed(String message) {
        return new HeartbeatRejected(HeartbeatRejected.Kind.MALFORMED, message);
    }
}

package io.steppe.controller.heartbeat;

import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The optional fields of one JSON object of a heartbeat (the heartbeat itself, a radio, the backhaul). A value that
 * is malformed or out of range is left out and noted in the shared list, never thrown: one wrong field must not cost
 * the AP the evidence that it is alive. Fields the object has and nobody read are noted by {@link #unread()}.
 */
final class HeartbeatFields {

    /** Longer names of unknown fields are shortened in the answer: it names them, it need not echo them whole. */
    private static final int NAME_SHOWN = 64;

    private final JsonNode node;
    private final String prefix;
    private final HeartbeatField parent;
    private final List<IgnoredField> ignored;
    private final Set<String> read = new HashSet<>();

    /**
     * @param prefix where the object is, as it appears before its fields' names ({@code ""}, {@code "radios[0]."})
     * @param parent the object's own field ({@code null} for the heartbeat)
     */
    HeartbeatFields(JsonNode node, String prefix, HeartbeatField parent, List<IgnoredField> ignored) {
        this.node = node;
        this.prefix = prefix;
        this.parent = parent;
        this.ignored = ignored;
    }

    /** The value of {@code name}, or null when absent or JSON null; marks it read. */
    JsonNode value(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    OptionalLong whole(String name, long min, long max) {
        JsonNode value = value(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        double v = value.isNumber() ? value.getDoubleValue() : Double.NaN;
        if (v != Math.rint(v) || v < min || v > max) {
            return ignore(name, "must be a whole number " + min + ".." + max, OptionalLong.empty());
        }
        return OptionalLong.of(value.getLongValue());
    }

    OptionalDouble number(String name, double min, double max) {
        JsonNode value = value(name);
        if (value == null) {
            return OptionalDouble.empty();
        }
        double v = value.isNumber() ? value.getDoubleValue() : Double.NaN;
        if (!(v >= min && v <= max)) {
            return ignore(name, "must be a number " + shown(min) + ".." + shown(max), OptionalDouble.empty());
        }
        return OptionalDouble.of(v);
    }

    /** Text PostgreSQL stores as sent and a console shows as sent: no control characters, no broken surrogate pairs. */
    Optional<String> text(String name, int maxLength) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        String v = value.isString() ? value.getStringValue() : null;
        if (v == null || v.isBlank() || v.length() > maxLength || !Printable.is(v)) {
            return ignore(name, "must be a string of 1 to " + maxLength + " printable characters", Optional.empty());
        }
        return Optional.of(v);
    }

    Optional<String> band(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        Optional<String> band = value.isString() ? RadioBand.of(value.getStringValue())
                : value.isNumber() ? RadioBand.of(value.getDoubleValue()) : Optional.empty();
        return band.isPresent() ? band : ignore(name, "must be 2.4, 5 or 6 (GHz)", Optional.empty());
    }

    /** The elements of an array of at most {@code max}; beyond that the rest are left out. */
    List<JsonNode> array(String name, int max) {
        JsonNode value = value(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            return ignore(name, "must be an array", List.of());
        }
        List<JsonNode> items = new ArrayList<>();
        value.values().forEach(items::add);
        if (items.size() > max) {
            ignore(name, "has " + items.size() + " elements; the first " + max + " were read", null);
            return items.subList(0, max);
        }
        return items;
    }

    /** A nested object's fields, or empty (and noted) when the value is not an object. */
    Optional<HeartbeatFields> object(String name) {
        JsonNode value = value(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            return ignore(name, "must be an object", Optional.empty());
        }
        return Optional.of(new HeartbeatFields(value, prefix + name + ".", HeartbeatField.of(parent, name), ignored));
    }

    /** Notes every field of the object that was not read, as unknown. */
    void unread() {
        for (Map.Entry<String, JsonNode> e : node.entries()) {
            if (!read.contains(e.getKey())) {
                ignored.add(new IgnoredField(prefix + Printable.shown(e.getKey(), NAME_SHOWN), HeartbeatField.UNKNOWN,
                        "is not a field Steppe reads"));
            }
        }
    }

    /** Notes a value of this object left out, and returns {@code empty}. */
    <T> T ignore(String name, String problem, T empty) {
        ignored.add(new IgnoredField(prefix + name, HeartbeatField.of(parent, name), problem));
        return empty;
    }

    private static String shown(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

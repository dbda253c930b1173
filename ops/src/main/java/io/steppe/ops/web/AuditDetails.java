package io.steppe.ops.web;

import io.steppe.web.Texts;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.ParseException;

/** An audit entry's details, stored as a JSON object: as a map for the API, as a line of text for people. */
final class AuditDetails {

    private AuditDetails() {
    }

    /** The details as a sorted map; an entry written by hand that is no JSON object is kept as {@code {"text": …}}. */
    static Map<String, Object> map(String json) {
        try {
            Object parsed = new JSONParser().parse(json);
            if (parsed instanceof Map<?, ?> m) {
                Map<String, Object> out = new TreeMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), v));
                return out;
            }
        } catch (ParseException e) {
            // shown as it is below
        }
        return Map.of("text", json);
    }

    /** {@code devices: 1 · minutes: 60 · valid_until: 2027-01-05 10:30:05}: times in the city's zone. */
    static String readable(String json, Texts t) {
        return map(json).entrySet().stream().map(e -> e.getKey() + ": " + value(e.getValue(), t)).collect(Collectors.joining(" · "));
    }

    private static String value(Object value, Texts t) {
        String text = String.valueOf(value);
        try {
            return t.time(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}

package io.steppe.ops.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A time as people in the city type it into a filter or a command: read in the city's zone unless it carries an
 * offset: {@code 2026-12-06 14:30}, {@code 2026-12-06T14:30:05} (a browser's datetime-local), {@code 2026-12-06}
 * (midnight), or ISO-8601 with an offset.
 */
public final class CityTime {

    /** What a message naming an unreadable time says it should be. */
    public static final String EXPECTED = "a time such as 2026-12-06 14:30 (the city's time) or ISO-8601 with an offset";

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("yyyy-MM-dd").optionalStart().appendLiteral('T').optionalEnd().optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm").optionalStart().appendPattern(":ss").optionalEnd().toFormatter();

    private CityTime() {
    }

    /** The instant {@code text} names, or empty when it is none of the forms above. */
    public static Optional<Instant> parse(String text, ZoneId zone) {
        String t = text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            // not with an offset: the city's time
        }
        try {
            return Optional.of(LocalDateTime.parse(t, LOCAL).atZone(zone).toInstant());
        } catch (DateTimeParseException e) {
            // perhaps a day
        }
        try {
            return Optional.of(LocalDate.parse(t).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code text} shortened for an error message. */
    public static String quoted(String text) {
        String t = text.trim();
        return "'" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "'";
    }
}

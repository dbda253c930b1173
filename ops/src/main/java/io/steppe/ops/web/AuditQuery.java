package io.steppe.ops.web;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Which audit entries to show: from (inclusive) and to (exclusive) in time, by actor and action (exact, empty for any),
 * older than an entry (paging), at most {@code limit}. Times are read in the city's zone unless they carry an offset,
 * as people in Ulanqab type them: {@code 2026-12-06 14:30}, {@code 2026-12-06T14:30:05} (a browser's
 * datetime-local), {@code 2026-12-06} (midnight), or ISO-8601 with an offset.
 *
 * @param before only entries with a smaller id, or null for the newest
 */
record AuditQuery(@Nullable Instant from, @Nullable Instant to, @Nullable String actor, @Nullable String action,
                  @Nullable Long before, int limit) {

    /** The most entries one answer holds; the page's "older" link asks for the next ones. */
    static final int MAX = 200;

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("yyyy-MM-dd").optionalStart().appendLiteral('T').optionalEnd().optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm").optionalStart().appendPattern(":ss").optionalEnd().toFormatter();

    static AuditQuery of(@Nullable String from, @Nullable String to, @Nullable String actor, @Nullable String action,
                         @Nullable String before, @Nullable String limit, ZoneId zone) {
        return new AuditQuery(time("from", from, zone), time("to", to, zone), blankToNull(actor), blankToNull(action),
                before == null || before.isBlank() ? null : number("before", before, Long.MAX_VALUE),
                limit == null || limit.isBlank() ? MAX : (int) number("limit", limit, MAX));
    }

    /** The same filters, for the entries before {@code id}. */
    AuditQuery olderThan(long id) {
        return new AuditQuery(from, to, actor, action, id, limit);
    }

    static @Nullable Instant time(String name, @Nullable String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset: the city's time
        }
        try {
            return LocalDateTime.parse(t, LOCAL).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // perhaps a day
        }
        try {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadQueryParameter(name, "a time such as 2026-12-06 14:30 (the city's time) or ISO-8601 with an offset, was '"
                    + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "'");
        }
    }

    private static long number(String name, String text, long max) {
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new BadQueryParameter(name, "a whole number from 1 to " + max);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

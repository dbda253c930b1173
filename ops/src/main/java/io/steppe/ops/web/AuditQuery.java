package io.steppe.ops.web;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Which audit entries to show: from (inclusive) and to (exclusive) in time, by actor and action (exact, empty for any),
 * older than an entry (paging), at most {@code limit}. Times are read as {@link CityTime} says.
 *
 * @param before only entries with a smaller id, or null for the newest
 */
record AuditQuery(@Nullable Instant from, @Nullable Instant to, @Nullable String actor, @Nullable String action,
                  @Nullable Long before, int limit) {

    /** The most entries one answer holds; the page's "older" link asks for the next ones. */
    static final int MAX = 200;

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
        return CityTime.parse(text, zone).orElseThrow(() -> new BadQueryParameter(name, CityTime.EXPECTED + ", was " + CityTime.quoted(text)));
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

package io.steppe.coverage.aggregate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Two periods to compare: before {@code at} (from {@code since} when given) and from {@code at} on (until
 * {@code until} when given).
 */
public record Periods(Instant at, Optional<Instant> since, Optional<Instant> until) {

    /**
     * From ISO-8601 times with an offset, as planners type them; {@code since} and {@code until} may be null.
     * A bad value is an {@link IllegalArgumentException} naming it with the caller's {@code prefix} (e.g. "--").
     */
    public static Periods parse(String prefix, String at, String since, String until) {
        if (at == null) {
            throw new IllegalArgumentException(prefix + "at (ISO-8601 with offset) is required to compare two periods");
        }
        return new Periods(instant(prefix + "at", at).orElseThrow(), instant(prefix + "since", since), instant(prefix + "until", until));
    }

    private static Optional<Instant> instant(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + " must be ISO-8601 with an offset such as 2026-11-20T00:00+08:00, was '"
                    + value + "'", e);
        }
    }
}

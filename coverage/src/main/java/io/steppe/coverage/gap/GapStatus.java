package io.steppe.coverage.gap;

import java.util.Locale;

/** Where planners are with a gap. */
public enum GapStatus {
    NEW, CONFIRMED, PLANNED, RESOLVED, DISMISSED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GapStatus parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("status '" + text + "' is not one of new, confirmed, planned, resolved, dismissed");
        }
    }
}

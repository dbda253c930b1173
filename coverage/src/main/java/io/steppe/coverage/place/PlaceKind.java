package io.steppe.coverage.place;

import java.util.Locale;

/** What a place is to a planner. */
public enum PlaceKind {
    VILLAGE, SCENIC, ROAD, DISTRICT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PlaceKind parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind '" + text + "' is not one of village, scenic, road, district");
        }
    }
}

package io.steppe.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Where the console's people are: the city's time zone ({@code STEPPE_ZONE}), which every time the console and the
 * APIs' human-readable fields show is in, and the clock that ages are counted on; and the city's extent, to which
 * the maps are fitted.
 */
public record ConsoleSettings(ZoneId zone, Clock clock, CityBounds city) {

    /** Ulanqab's zone. */
    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    public ConsoleSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(city, "city");
    }

    /** Asia/Shanghai, the system clock, no bounds: for a server wired without settings (module tests). */
    static ConsoleSettings defaults() {
        return new ConsoleSettings(CITY_ZONE, Clock.systemUTC(), CityBounds.WORLD);
    }
}

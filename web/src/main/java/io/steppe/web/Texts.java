package io.steppe.web;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The console's words in one language, and its times in the city's zone: what a page template or an API's
 * human-readable field says to the person who asked. A key missing from every bundle shows as the key itself, so a
 * gap is visible on the page rather than an exception (a test checks that every key is in every language).
 */
public final class Texts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Locale locale;
    private final List<ResourceBundle> bundles;
    private final ZoneId zone;
    private final Clock clock;

    Texts(Locale locale, List<ResourceBundle> bundles, ZoneId zone, Clock clock) {
        this.locale = locale;
        this.bundles = List.copyOf(bundles);
        this.zone = zone;
        this.clock = clock;
    }

    /** The language's tag, as {@code <html lang>} and the language switch name it: {@code zh} or {@code en}. */
    public String lang() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The text of {@code key}, with {@code args} placed as {@link MessageFormat} places them. */
    public String get(String key, Object... args) {
        for (ResourceBundle bundle : bundles) {
            try {
                String pattern = bundle.getString(key);
                return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
            } catch (MissingResourceException e) {
                // the next module's bundle may have it
            }
        }
        return key;
    }

    /** Whether some bundle has {@code key}. */
    public boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }

    /** A state, role or other named value: the key is its type's simple name, a dot and its name ({@code ApState.DOWN}). */
    public String of(Enum<?> value) {
        return get(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /** A moment in the city's zone, to the second: {@code 2026-12-04 22:43:45}. */
    public String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    /** A moment's time of day in the city's zone: {@code 22:43:45}. */
    public String clockTime(Instant at) {
        return CLOCK.format(at.atZone(zone));
    }

    /** How long ago {@code at} was, in the largest whole unit: "3 分钟前", "3 min ago", "just now". */
    public String age(Instant at) {
        Duration ago = Duration.between(at, clock.instant());
        if (ago.isNegative() || ago.toSeconds() < 5) {
            return get("age.now");
        }
        return get("age.ago", duration(ago));
    }

    /** A moment and its age: {@code 2026-12-04 22:43:45 (3 分钟前)}. */
    public String when(Instant at) {
        return get("age.when", time(at), age(at));
    }

    /** A quantity of data in the largest unit that keeps it above one: {@code 512 B}, {@code 1.5 MB}, {@code 2.3 GB}. */
    public String bytes(long octets) {
        if (octets < 1024) {
            return octets + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = octets;
        int unit = -1;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(locale, v < 10 ? "%.1f %s" : "%.0f %s", v, units[unit]);
    }

    /** A span in its largest whole unit and the next: "2 小时 5 分钟", "2 h 5 min", "45 s". */
    public String duration(Duration span) {
        long s = Math.max(0, span.toSeconds());
        if (s < 60) {
            return get("duration.s", s);
        }
        if (s < 3600) {
            return get("duration.m", s / 60);
        }
        if (s < 86_400) {
            return s % 3600 < 60 ? get("duration.h", s / 3600) : get("duration.hm", s / 3600, s % 3600 / 60);
        }
        return s % 86_400 < 3600 ? get("duration.d", s / 86_400) : get("duration.dh", s / 86_400, s % 86_400 / 3600);
    }
}

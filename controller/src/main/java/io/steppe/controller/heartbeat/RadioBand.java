package io.steppe.controller.heartbeat;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A radio's band as agents write it ({@code 2.4}, {@code "2.4GHz"}, {@code "5 GHz"}, {@code "2g"}, {@code "6E"},
 * {@code 5.8}) turned into Steppe's {@code 2.4}, {@code 5} or {@code 6}. Accepted only where the spelling names one
 * band: a number of GHz (with {@code g}, {@code ghz} or Wi-Fi 6E's {@code e} after it, or nothing) inside one of
 * the three bands' ranges, or the bare 2, 5 and 6 agents shorten them to.
 */
final class RadioBand {

    private static final Pattern SPELLING = Pattern.compile("(\\d{1,2}(?:\\.\\d{1,3})?)\\s*(?:g|ghz|e)?");

    private RadioBand() {
    }

    static Optional<String> of(String spelling) {
        Matcher m = SPELLING.matcher(spelling.strip().toLowerCase(Locale.ROOT));
        return m.matches() ? of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    static Optional<String> of(double ghz) {
        if (ghz == 2 || ghz >= 2.4 && ghz < 2.5) {
            return Optional.of("2.4");
        }
        if (ghz >= 4.9 && ghz < 5.925) {
            return Optional.of("5");
        }
        if (ghz >= 5.925 && ghz <= 7.125) {
            return Optional.of("6");
        }
        return Optional.empty();
    }
}

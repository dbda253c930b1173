package io.steppe.coverage.aggregate;

import java.util.Locale;

/** How bad a gap is: {@code none}, the samples there show no service; {@code poor}, service too weak to use. */
public enum Severity {
    NONE, POOR;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}

package io.steppe.coverage.aggregate;

import java.util.Locale;

/** What the evidence in a cell says. Only {@link #GAP} cells ever make a gap region. */
public enum CellStatus {
    COVERED, GAP, UNCERTAIN, UNMEASURED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CellStatus parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}

package io.steppe.coverage.gap;

import java.util.Locale;

/**
 * How sure a gap region is. Every region holds at least one cell that survives the family's false-discovery
 * correction on its own evidence; {@link #HIGH} when two or more do (two independent proofs side by side),
 * {@link #MEDIUM} when one does and the rest are its neighbours that passed only their own tests.
 */
public enum Confidence {
    HIGH, MEDIUM;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Confidence parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    static Confidence of(int discoveries) {
        return discoveries >= 2 ? HIGH : MEDIUM;
    }
}

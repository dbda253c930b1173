package io.steppe.coverage.sample;

import java.util.Locale;

/** Radio access technology of a sample; {@code NONE} is a phone that had no service there. */
public enum Rat {
    LTE, NR, UMTS, GSM, NONE;

    /** Whether the contract requires an RSRP with this technology. */
    public boolean needsRsrp() {
        return this == LTE || this == NR;
    }

    public static Rat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rat '" + text + "' is not one of LTE, NR, UMTS, GSM, NONE");
        }
    }
}

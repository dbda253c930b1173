package io.steppe.coverage.sample;

import java.util.Locale;

/** Where a sample sits on the RSRP ladder; {@link #POOR} and {@link #NONE} are the bad ones. Stored as the ordinal. */
public enum SampleClass {
    GOOD, FAIR, POOR, NONE;

    public boolean bad() {
        return this == POOR || this == NONE;
    }

    /** One class worse, as a low SINR or RSRQ makes it. */
    public SampleClass worse() {
        return this == NONE ? NONE : values()[ordinal() + 1];
    }

    public static SampleClass of(int ordinal) {
        return values()[ordinal];
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.steppe.ops.metrics;

import java.util.Locale;

/** Label values from the modules' enums: their names in lower case, so every value comes from a fixed set. */
final class Labels {

    private Labels() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}

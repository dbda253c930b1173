package io.steppe.db.net;

import java.util.Locale;

/**
 * A 48-bit MAC address. Gateways and APs write them as {@code AA-BB-CC-DD-EE-FF}, {@code aa:bb:cc:dd:ee:ff},
 * {@code aabb.ccdd.eeff} or bare {@code aabbccddeeff}; all parse to one value, shown in the lower-case
 * colon form.
 */
public record MacAddress(long value) {

    public MacAddress {
        if (value < 0 || value > 0xFFFF_FFFF_FFFFL) {
            throw new IllegalArgumentException("a MAC address has 48 bits");
        }
    }

    /** @throws IllegalArgumentException naming the text when it is not a MAC address */
    public static MacAddress parse(String text) {
        if (text != null) {
            String hex = text.trim().replaceAll("[-:.]", "");
            boolean separatorsFit = text.trim().matches(
                    "[0-9A-Fa-f]{12}|([0-9A-Fa-f]{2}[-:]){5}[0-9A-Fa-f]{2}|([0-9A-Fa-f]{4}\\.){2}[0-9A-Fa-f]{4}");
            if (separatorsFit && hex.length() == 12) {
                return new MacAddress(Long.parseLong(hex, 16));
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a MAC address");
    }

    @Override
    public String toString() {
        String hex = String.format(Locale.ROOT, "%012x", value);
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }
}

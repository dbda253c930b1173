package io.steppe.db.net;

import java.util.regex.Pattern;

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

    /** Parsed on every RADIUS request, so compiled once. */
    private static final Pattern FORMS = Pattern.compile(
            "[0-9A-Fa-f]{12}|([0-9A-Fa-f]{2}[-:]){5}[0-9A-Fa-f]{2}|([0-9A-Fa-f]{4}\\.){2}[0-9A-Fa-f]{4}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** @throws IllegalArgumentException naming the text when it is not a MAC address */
    public static MacAddress parse(String text) {
        if (text != null) {
            String trimmed = text.trim();
            if (FORMS.matcher(trimmed).matches()) {
                long value = 0;
                for (int i = 0; i < trimmed.length(); i++) {
                    int digit = Character.digit(trimmed.charAt(i), 16);
                    if (digit >= 0) {
                        value = value << 4 | digit;
                    }
                }
                return new MacAddress(value);
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a MAC address");
    }

    /** The address, or empty when {@code text} is not one (a User-Name that is a voucher, say). */
    public static java.util.Optional<MacAddress> tryParse(String text) {
        try {
            return java.util.Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        char[] out = new char[17];
        for (int octet = 0; octet < 6; octet++) {
            int b = (int) (value >>> (40 - 8 * octet)) & 0xff;
            out[octet * 3] = HEX[b >>> 4];
            out[octet * 3 + 1] = HEX[b & 0xf];
            if (octet < 5) {
                out[octet * 3 + 2] = ':';
            }
        }
        return new String(out);
    }
}

package io.steppe.portal.ac;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One attribute of a Portal packet: a type and up to {@link #MAX_VALUE} octets.
 *
 * @param type  one of the constants here, or another the AC sends (kept, not interpreted)
 */
public record PortalAttribute(int type, byte[] value) {

    public static final int USER_NAME = 0x01;
    public static final int PASSWORD = 0x02;
    public static final int CHALLENGE = 0x03;
    public static final int CHAP_PASSWORD = 0x04;
    public static final int TEXT_INFO = 0x05;
    public static final int BAS_IP = 0x0a;
    public static final int USER_MAC = 0x0b;
    /** The longest value: the length octet counts the type and itself. */
    public static final int MAX_VALUE = 253;

    public PortalAttribute {
        if (type < 0 || type > 0xff) {
            throw new IllegalArgumentException("attribute type " + type + " is not one octet");
        }
        if (value.length > MAX_VALUE) {
            throw new IllegalArgumentException("attribute " + type + " is " + value.length + " octets, more than " + MAX_VALUE);
        }
        value = value.clone();
    }

    public static PortalAttribute text(int type, String value) {
        return new PortalAttribute(type, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortalAttribute a && a.type == type && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "PortalAttribute[" + type + ", " + value.length + " octets]";
    }
}

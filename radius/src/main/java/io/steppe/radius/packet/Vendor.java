package io.steppe.radius.packet;

import java.util.Locale;

/**
 * Whose gateway it is, for the vendor attributes its Access-Accept carries ({@code steppe nas add --vendor}).
 * Huawei (2011) and H3C (25506) take their own average-rate attributes in bit/s, as FreeRADIUS's dictionaries and
 * the vendors' manuals agree; the rest get WISPr's and ChilliSpot's, which hotspot gateways (CoovaChilli, OpenWrt,
 * MikroTik) read. No public dictionary of Ruijie's (4881) attributes was found, so a Ruijie AC is sent the standard
 * ones and applies the rate of its own user profile.
 */
public enum Vendor {
    GENERIC, HUAWEI, H3C, RUIJIE;

    /** The name {@code steppe nas} and the database use. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming what is accepted */
    public static Vendor parse(String label) {
        for (Vendor v : values()) {
            if (v.label().equals(label.trim().toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new IllegalArgumentException("vendor '" + label + "' is not one of generic, huawei, h3c, ruijie");
    }
}

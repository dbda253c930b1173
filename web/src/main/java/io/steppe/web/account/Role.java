package io.steppe.web.account;

import java.util.Locale;

/** What a console account may do. */
public enum Role {
    /** Keeps access points and gateways healthy. */
    OPERATOR,
    /** Reviews coverage gaps and decides where to build. */
    PLANNER,
    /** Manages accounts and everything else. */
    ADMIN;

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("role '" + text + "' is not one of operator, planner, admin");
        }
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}

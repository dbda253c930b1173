package io.steppe.web.account;

import java.time.Instant;

/** A console account as others see it: never its password hash. */
public record Account(long id, String username, Role role, Instant createdAt) {

    /** Lower-case letters, digits, '.', '_' and '-', 1 to 32 characters, as the schema's check says. */
    public static String validUsername(String text) {
        if (!isValidUsername(text)) {
            throw new IllegalArgumentException("user name '" + text
                    + "' must be 1 to 32 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return text;
    }

    /** Whether {@code text} is an acceptable user name, as {@link #validUsername} judges it. */
    public static boolean isValidUsername(String text) {
        return text != null && text.matches("[a-z0-9][a-z0-9._-]{0,31}");
    }
}

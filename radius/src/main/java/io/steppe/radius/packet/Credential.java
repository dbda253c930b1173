package io.steppe.radius.packet;


/** What an Access-Request proves about its user: a PAP password, a CHAP response, or nothing. */
public sealed interface Credential {

    /** Whether the user knows {@code secret}. */
    boolean matches(String secret);

    /** User-Password, un-hidden. */
    record Pap(String password) implements Credential {
        @Override
        public boolean matches(String secret) {
            return java.security.MessageDigest.isEqual(password.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Pap[***]";
        }
    }

    /** CHAP-Password with its challenge. */
    record ChapResponse(Chap chap) implements Credential {
        @Override
        public boolean matches(String secret) {
            return chap.matches(secret);
        }
    }

    /** No password at all. */
    record None() implements Credential {
        @Override
        public boolean matches(String secret) {
            return false;
        }
    }
}

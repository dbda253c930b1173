package io.steppe.radius.packet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A CHAP response (RFC 2865 §5.3, RFC 1994): the gateway sends MD5(ident + password + challenge), the
 * challenge being CHAP-Challenge or, without it, the Request Authenticator.
 */
public record Chap(byte ident, byte[] response, byte[] challenge) {

    /** From a CHAP-Password value (ident + 16 octets) and the challenge. */
    public static Chap of(byte[] chapPassword, byte[] challenge) {
        if (chapPassword.length != 17) {
            throw new IllegalArgumentException("CHAP-Password must be 17 octets, was " + chapPassword.length);
        }
        byte[] response = new byte[16];
        System.arraycopy(chapPassword, 1, response, 0, 16);
        return new Chap(chapPassword[0], response, challenge.clone());
    }

    /** Whether this response was made with {@code password}. */
    public boolean matches(String password) {
        MessageDigest md5 = Digests.md5();
        md5.update(ident);
        md5.update(password.getBytes(StandardCharsets.UTF_8));
        md5.update(challenge);
        return MessageDigest.isEqual(md5.digest(), response);
    }

    @Override
    public String toString() {
        return "Chap[ident=" + (ident & 0xff) + "]";
    }
}

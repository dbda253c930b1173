package io.steppe.radius.packet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A CHAP response (RFC 2865 §5.3, RFC 1994): the gateway sends MD5(ident + password + challenge), the
 * challenge being CHAP-Challenge or, without it, the Request Authenticator.
 */
public record Chap(byte ident, byte[] response, byte[] challenge) {

    /** CHAP-Password: the ident, then the 16-octet response. */
    public static final int PASSWORD_LENGTH = 17;

    /** From a CHAP-Password value (ident + 16 octets) and the challenge. */
    public static Chap of(byte[] chapPassword, byte[] challenge) {
        if (chapPassword.length != PASSWORD_LENGTH) {
            throw new IllegalArgumentException("CHAP-Password must be 17 octets, was " + chapPassword.length);
        }
        byte[] response = new byte[16];
        System.arraycopy(chapPassword, 1, response, 0, 16);
        return new Chap(chapPassword[0], response, challenge.clone());
    }

    /** Whether this response was made with {@code password}. */
    public boolean matches(String password) {
        byte[] expected = new byte[16];
        respond(Digests.md5(), ident, password.getBytes(StandardCharsets.UTF_8), challenge, 0, challenge.length, expected, 0);
        return MessageDigest.isEqual(expected, response);
    }

    /** Writes the response to {@code challenge[challengeOffset, +challengeLength)} into the 16 octets at {@code out[outOffset]}. */
    static void respond(MessageDigest md5, byte ident, byte[] password, byte[] challenge, int challengeOffset, int challengeLength,
                        byte[] out, int outOffset) {
        md5.update(ident);
        md5.update(password);
        md5.update(challenge, challengeOffset, challengeLength);
        Digests.digestInto(md5, out, outOffset);
    }

    @Override
    public String toString() {
        return "Chap[ident=" + (ident & 0xff) + "]";
    }
}

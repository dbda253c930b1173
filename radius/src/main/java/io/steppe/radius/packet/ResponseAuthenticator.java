package io.steppe.radius.packet;

import java.security.MessageDigest;

/**
 * The Response Authenticator of every reply (RFC 2865 §3, RFC 2866 §3, RFC 5176 §2.3):
 * MD5(Code + Identifier + Length + Request Authenticator + Attributes + Secret). It ties a reply to the one
 * request it answers, so a client that checks it catches a wrong secret and a late answer to an identifier's
 * earlier use.
 */
final class ResponseAuthenticator {

    private ResponseAuthenticator() {
    }

    /** Replaces the Request Authenticator in octets 4 to 19 of {@code reply[0, length)} with the Response Authenticator. */
    static void sign(MessageDigest md5, byte[] reply, int length, byte[] secret) {
        update(md5, reply, length, reply, 4, secret);
        Digests.digestInto(md5, reply, 4);
    }

    /**
     * Whether {@code reply[0, length)} answers the request whose Request Authenticator is at
     * {@code requestAuthenticator[offset]}.
     *
     * @param scratch 16 octets to compute into, so that checking allocates nothing
     */
    static boolean verify(MessageDigest md5, byte[] reply, int length, byte[] requestAuthenticator, int offset, byte[] secret,
                          byte[] scratch) {
        update(md5, reply, length, requestAuthenticator, offset, secret);
        Digests.digestInto(md5, scratch, 0);
        return Digests.equal16(scratch, 0, reply, 4);
    }

    private static void update(MessageDigest md5, byte[] reply, int length, byte[] requestAuthenticator, int offset, byte[] secret) {
        md5.update(reply, 0, 4);
        md5.update(requestAuthenticator, offset, 16);
        md5.update(reply, DatagramCheck.HEADER_LENGTH, length - DatagramCheck.HEADER_LENGTH);
        md5.update(secret);
    }
}

package io.steppe.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Whether a reply answers the request it claims to: its Response Authenticator must be
 * MD5(Code+Identifier+Length+Request Authenticator+Attributes+Secret) (RFC 2865 §3, RFC 2866 §3). Catches a wrong
 * secret and a late reply to an earlier use of the same identifier. Not thread-safe: one per event loop.
 */
final class ReplyCheck {

    private final byte[] secret;
    private final MessageDigest md5 = RequestEncoder.md5();
    private final byte[] digest = new byte[16];

    ReplyCheck(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param reply                the reply's octets, at least {@code length} of them
     * @param authenticators       where the request's Request Authenticator is, at {@code offset}
     */
    boolean answers(byte[] reply, int length, byte[] authenticators, int offset) {
        md5.update(reply, 0, 4);
        md5.update(authenticators, offset, 16);
        md5.update(reply, RequestEncoder.HEADER, length - RequestEncoder.HEADER);
        md5.update(secret);
        try {
            md5.digest(digest, 0, 16);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("MD5 writes 16 octets", e);
        }
        int difference = 0;
        for (int i = 0; i < 16; i++) {
            difference |= digest[i] ^ reply[4 + i];
        }
        return difference == 0;
    }
}

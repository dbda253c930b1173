package io.steppe.radius.packet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;

/**
 * Message-Authenticator (RFC 3579 §3.2): HMAC-MD5 of the whole packet, keyed with the shared secret, computed
 * with the attribute's own 16 octets set to zero. The defence against BlastRADIUS (CVE-2024-3596) forgeries.
 */
public final class MessageAuthenticator {

    /** Type 80, length 18. */
    public static final int ATTRIBUTE_LENGTH = 18;

    private MessageAuthenticator() {
    }

    /**
     * Whether the Message-Authenticator of a received request is right. {@code packet} is left unchanged.
     *
     * @param offset where the attribute starts, from {@link DatagramCheck#findAttribute}
     */
    public static boolean verify(byte[] packet, int offset, byte[] secret) {
        if ((packet[offset + 1] & 0xff) != ATTRIBUTE_LENGTH) {
            return false;
        }
        int length = DatagramCheck.packetLength(packet);
        byte[] copy = Arrays.copyOf(packet, length);
        Arrays.fill(copy, offset + 2, offset + ATTRIBUTE_LENGTH, (byte) 0);
        byte[] expected = hmac(secret, copy, length);
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(packet, offset + 2, offset + ATTRIBUTE_LENGTH));
    }

    /** HMAC-MD5 over the first {@code length} octets. */
    static byte[] hmac(byte[] secret, byte[] packet, int length) {
        Mac mac = Digests.hmacMd5(secret);
        mac.update(packet, 0, length);
        return mac.doFinal();
    }

    public static byte[] secretBytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}

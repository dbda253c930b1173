package io.steppe.radius.packet;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;

/**
 * Message-Authenticator (RFC 3579 §3.2): HMAC-MD5 of the whole packet, keyed with the shared secret, computed
 * with the attribute's own 16 octets set to zero; in a reply, over the Request Authenticator in place of the
 * Response Authenticator. The defence against BlastRADIUS (CVE-2024-3596) forgeries. Verifying feeds the
 * HMAC the packet in pieces with zeros in place of the value, so that no copy of the packet is made.
 */
public final class MessageAuthenticator {

    /** Type 80, length 18. */
    public static final int ATTRIBUTE_LENGTH = 18;

    private static final byte[] ZEROS = new byte[16];

    private MessageAuthenticator() {
    }

    /**
     * Whether the Message-Authenticator of a received request is right. {@code packet} is left unchanged.
     *
     * @param offset where the attribute starts, from {@link DatagramCheck#findAttribute}
     */
    public static boolean verify(byte[] packet, int offset, byte[] secret) {
        return verify(packet, DatagramCheck.packetLength(packet), offset, packet, 4, secret);
    }

    /**
     * Whether the Message-Authenticator at {@code offset} of {@code packet[0, length)} is right when signed over
     * the 16 octets of {@code authenticator} at {@code authenticatorOffset}: the packet's own for a request, the
     * request's for a reply.
     */
    public static boolean verify(byte[] packet, int length, int offset, byte[] authenticator, int authenticatorOffset,
                                 byte[] secret) {
        if ((packet[offset + 1] & 0xff) != ATTRIBUTE_LENGTH) {
            return false;
        }
        Mac mac = Digests.hmacMd5(secret);
        mac.update(packet, 0, 4);
        mac.update(authenticator, authenticatorOffset, 16);
        mac.update(packet, DatagramCheck.HEADER_LENGTH, offset + 2 - DatagramCheck.HEADER_LENGTH);
        mac.update(ZEROS);
        mac.update(packet, offset + ATTRIBUTE_LENGTH, length - offset - ATTRIBUTE_LENGTH);
        return Digests.equal16(mac.doFinal(), 0, packet, offset + 2);
    }

    /**
     * Signs {@code packet[0, length)} in place: its octets 4 to 19 hold the authenticator to sign over and the
     * value at {@code offset} + 2 is zero, as {@link AttributeWriter#messageAuthenticator()} leaves it.
     *
     * @param mac HMAC-MD5 keyed with the shared secret
     */
    static void sign(Mac mac, byte[] packet, int length, int offset) {
        mac.update(packet, 0, length);
        Digests.macInto(mac, packet, offset + 2);
    }

    public static byte[] secretBytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}

package io.steppe.radius.packet;

import java.security.MessageDigest;
import java.util.List;

/**
 * Encodes replies: header, then Message-Authenticator as the first attribute (FreeRADIUS 3.2.5's BlastRADIUS
 * hardening; tinyradius puts it last), then the given attributes, then the Response Authenticator
 * MD5(Code+ID+Length+RequestAuth+Attributes+Secret) of RFC 2865 §3.
 */
public final class ReplyEncoder {

    private ReplyEncoder() {
    }

    /**
     * @param attributes             encoded attributes, each complete with type and length
     * @param messageAuthenticator   whether to put Message-Authenticator first
     * @throws IllegalArgumentException when the reply would exceed 4096 octets
     */
    public static byte[] encode(PacketCode code, int identifier, byte[] requestAuthenticator, List<byte[]> attributes,
                                byte[] secret, boolean messageAuthenticator) {
        int length = DatagramCheck.HEADER_LENGTH + (messageAuthenticator ? MessageAuthenticator.ATTRIBUTE_LENGTH : 0);
        for (byte[] a : attributes) {
            length += a.length;
        }
        if (length > DatagramCheck.MAX_LENGTH) {
            throw new IllegalArgumentException("reply of " + length + " octets exceeds RADIUS's 4096");
        }
        byte[] out = new byte[length];
        out[0] = (byte) code.code();
        out[1] = (byte) identifier;
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
        System.arraycopy(requestAuthenticator, 0, out, 4, 16);
        int offset = DatagramCheck.HEADER_LENGTH;
        if (messageAuthenticator) {
            out[offset] = (byte) Attributes.MESSAGE_AUTHENTICATOR;
            out[offset + 1] = (byte) MessageAuthenticator.ATTRIBUTE_LENGTH;
            offset += MessageAuthenticator.ATTRIBUTE_LENGTH;
        }
        for (byte[] a : attributes) {
            System.arraycopy(a, 0, out, offset, a.length);
            offset += a.length;
        }
        if (messageAuthenticator) {
            // RFC 3579 §3.2: over the reply with the Request Authenticator in place and the MA zeroed.
            byte[] hmac = MessageAuthenticator.hmac(secret, out, length);
            System.arraycopy(hmac, 0, out, DatagramCheck.HEADER_LENGTH + 2, 16);
        }
        MessageDigest md5 = Digests.md5();
        md5.update(out, 0, length);
        md5.update(secret);
        System.arraycopy(md5.digest(), 0, out, 4, 16);
        return out;
    }

    /** An attribute of a standard type with raw value octets. */
    public static byte[] attribute(int type, byte[] value) {
        if (value.length > 253) {
            throw new IllegalArgumentException("attribute " + type + " value of " + value.length + " octets exceeds 253");
        }
        byte[] out = new byte[value.length + 2];
        out[0] = (byte) type;
        out[1] = (byte) out.length;
        System.arraycopy(value, 0, out, 2, value.length);
        return out;
    }

    /** A 32-bit integer attribute. */
    public static byte[] integer(int type, long value) {
        return attribute(type, new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    /** A vendor-specific attribute (RFC 2865 §5.26) carrying one 32-bit integer sub-attribute. */
    public static byte[] vendorInteger(int vendorId, int vendorType, long value) {
        byte[] sub = integer(vendorType, value);
        byte[] vsa = new byte[4 + sub.length];
        vsa[0] = (byte) (vendorId >>> 24);
        vsa[1] = (byte) (vendorId >>> 16);
        vsa[2] = (byte) (vendorId >>> 8);
        vsa[3] = (byte) vendorId;
        System.arraycopy(sub, 0, vsa, 4, sub.length);
        return attribute(Attributes.VENDOR_SPECIFIC, vsa);
    }
}

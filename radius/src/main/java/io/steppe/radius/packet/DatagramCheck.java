package io.steppe.radius.packet;

import java.util.Optional;

/**
 * The structural checks of RFC 2865 §3 and §5 on a raw datagram, before any decoding: cheap, allocation
 * free, and the reason every malformed datagram is dropped and counted instead of reaching a decoder. The
 * decoders walk attributes with the same {@link #attributeEnd} rule, so they stay safe on a packet nobody
 * checked before.
 */
public final class DatagramCheck {

    public static final int HEADER_LENGTH = 20;
    public static final int MAX_LENGTH = 4096;

    private DatagramCheck() {
    }

    /**
     * What is wrong with {@code datagram}, or empty when it is a well-formed packet. Octets beyond the
     * Length field are padding and ignored (RFC 2865 §3).
     */
    public static Optional<DropReason> problem(byte[] datagram, int length) {
        int declared = declaredLength(datagram, length);
        if (declared < 0) {
            return Optional.of(DropReason.MALFORMED_LENGTH);
        }
        for (int offset = HEADER_LENGTH; offset < declared; ) {
            offset = attributeEnd(datagram, offset, declared);
            if (offset < 0) {
                return Optional.of(DropReason.MALFORMED_ATTRIBUTE);
            }
        }
        return Optional.empty();
    }

    /**
     * The Length field of the first {@code length} octets of {@code datagram}, or -1 when they are shorter than a
     * header, than their own Length, or the Length is outside 20 to 4096 (RFC 2865 §3).
     */
    public static int declaredLength(byte[] datagram, int length) {
        if (length < HEADER_LENGTH || datagram.length < length) {
            return -1;
        }
        int declared = packetLength(datagram);
        return declared < HEADER_LENGTH || declared > MAX_LENGTH || declared > length ? -1 : declared;
    }

    /**
     * Where the attribute at {@code offset} ends, or -1 when its length is below 2 or it runs past {@code end}
     * (RFC 2865 §5).
     */
    public static int attributeEnd(byte[] packet, int offset, int end) {
        if (offset + 2 > end) {
            return -1;
        }
        int attributeLength = packet[offset + 1] & 0xff;
        return attributeLength < 2 || offset + attributeLength > end ? -1 : offset + attributeLength;
    }

    public static int packetLength(byte[] datagram) {
        return ((datagram[2] & 0xff) << 8) | (datagram[3] & 0xff);
    }

    /** The offset of the first attribute of {@code type}, or -1; the packet must have passed {@link #problem}. */
    public static int findAttribute(byte[] packet, int type) {
        int length = packetLength(packet);
        int offset = HEADER_LENGTH;
        while (offset < length) {
            if ((packet[offset] & 0xff) == type) {
                return offset;
            }
            offset += packet[offset + 1] & 0xff;
        }
        return -1;
    }
}

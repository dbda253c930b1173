package io.steppe.radius.packet;

import java.util.Optional;

/**
 * The structural checks of RFC 2865 §3 and §5 on a raw datagram, before any decoding: cheap, allocation
 * free, and the reason every malformed datagram is dropped and counted instead of reaching a decoder.
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
        if (length < HEADER_LENGTH) {
            return Optional.of(DropReason.MALFORMED_LENGTH);
        }
        int declared = packetLength(datagram);
        if (declared < HEADER_LENGTH || declared > MAX_LENGTH || declared > length) {
            return Optional.of(DropReason.MALFORMED_LENGTH);
        }
        int offset = HEADER_LENGTH;
        while (offset < declared) {
            if (offset + 2 > declared) {
                return Optional.of(DropReason.MALFORMED_ATTRIBUTE);
            }
            int attributeLength = datagram[offset + 1] & 0xff;
            if (attributeLength < 2 || offset + attributeLength > declared) {
                return Optional.of(DropReason.MALFORMED_ATTRIBUTE);
            }
            offset += attributeLength;
        }
        return Optional.empty();
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

package io.steppe.radius.packet;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The standard attributes of a received packet, read in place: where the first attribute of each type
 * starts. One pass finds them all without building an object per attribute, which is what the hot paths need.
 * The pass checks each length by the rule of {@link DatagramCheck} and stops at the first that is wrong, so
 * that a decoder given an unchecked packet learns it is not {@link #isSound() sound} instead of failing.
 */
public final class AttributeIndex {

    private final byte[] packet;
    private final int[] first = new int[256];
    private final boolean sound;

    public AttributeIndex(byte[] packet) {
        this.packet = packet;
        Arrays.fill(first, -1);
        int length = DatagramCheck.declaredLength(packet, packet.length);
        int offset = DatagramCheck.HEADER_LENGTH;
        while (offset < length) {
            int next = DatagramCheck.attributeEnd(packet, offset, length);
            if (next < 0) {
                break;
            }
            int type = packet[offset] & 0xff;
            if (first[type] < 0) {
                first[type] = offset;
            }
            offset = next;
        }
        this.sound = length >= 0 && offset == length;
    }

    /** Whether the header and every attribute length were right; if not, only the attributes before the first wrong one are indexed. */
    public boolean isSound() {
        return sound;
    }

    public boolean has(int type) {
        return first[type] >= 0;
    }

    /** The value's octets of the first attribute of {@code type}. */
    public Optional<byte[]> bytes(int type) {
        int offset = first[type];
        return offset < 0 ? Optional.empty() : Optional.of(Arrays.copyOfRange(packet, offset + 2, offset + (packet[offset + 1] & 0xff)));
    }

    /** The first attribute of {@code type} as text; empty when absent or not text by {@link TextAttribute#decode}. */
    public Optional<String> text(int type) {
        int offset = first[type];
        return offset < 0 ? Optional.empty() : Optional.ofNullable(TextAttribute.decode(packet, offset + 2, (packet[offset + 1] & 0xff) - 2));
    }

    /**
     * The first attribute of {@code type} as text, for an attribute the request cannot do without; empty when absent.
     *
     * @throws TextAttribute.Invalid naming {@code name} when it is present but not text
     */
    public Optional<String> requiredText(int type, String name) {
        int offset = first[type];
        return offset < 0 ? Optional.empty() : Optional.of(TextAttribute.require(packet, offset + 2, (packet[offset + 1] & 0xff) - 2, name));
    }

    /** The first attribute of {@code type} as an unsigned 32-bit integer; empty when absent or not 4 octets. */
    public OptionalLong integer(int type) {
        int offset = first[type];
        if (offset < 0 || (packet[offset + 1] & 0xff) != 6) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((packet[offset + 2] & 0xffL) << 24 | (packet[offset + 3] & 0xffL) << 16
                | (packet[offset + 4] & 0xffL) << 8 | packet[offset + 5] & 0xffL);
    }
}

package io.steppe.radius.packet;

import static io.steppe.radius.packet.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatagramCheckTest {

    static final byte[] VALID = RfcPackets.PAP_REQUEST;

    @Test
    void wellFormedPacketPassesAndTrailingPaddingIsIgnored() {
        assertEquals(Optional.empty(), DatagramCheck.problem(VALID, VALID.length));
        byte[] padded = Arrays.copyOf(VALID, VALID.length + 7);
        assertEquals(Optional.empty(), DatagramCheck.problem(padded, padded.length));
    }

    @Test
    void badLengthsAreNamed() {
        assertEquals(Optional.of(DropReason.MALFORMED_LENGTH), DatagramCheck.problem(new byte[19], 19));
        byte[] truncated = Arrays.copyOf(VALID, VALID.length - 1);
        assertEquals(Optional.of(DropReason.MALFORMED_LENGTH), DatagramCheck.problem(truncated, truncated.length));
        byte[] lying = VALID.clone();
        lying[2] = 0x10; // 4096 + 56
        assertEquals(Optional.of(DropReason.MALFORMED_LENGTH), DatagramCheck.problem(lying, lying.length));
        byte[] tooShortHeader = VALID.clone();
        tooShortHeader[3] = 19;
        assertEquals(Optional.of(DropReason.MALFORMED_LENGTH), DatagramCheck.problem(tooShortHeader, tooShortHeader.length));
    }

    @Test
    void attributesOfLengthZeroOneOrPastTheEndAreNamed() {
        for (int badLength : new int[] {0, 1, 200}) {
            byte[] packet = VALID.clone();
            packet[21] = (byte) badLength; // User-Name's length
            assertEquals(Optional.of(DropReason.MALFORMED_ATTRIBUTE), DatagramCheck.problem(packet, packet.length), "length " + badLength);
        }
        byte[] dangling = bytes("01 00 00 15 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01");
        assertEquals(Optional.of(DropReason.MALFORMED_ATTRIBUTE), DatagramCheck.problem(dangling, dangling.length));
    }
}

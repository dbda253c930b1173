package io.steppe.radius.packet;

import static io.steppe.radius.packet.Hex.bytes;
import static io.steppe.radius.packet.Hex.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AttributeWriterTest {

    @Test
    void attributesAreWrittenAsFreeRadiusAndTheDictionaryHaveThem() {
        assertEquals("01 05 62 6f 62", hex(new AttributeWriter().text(Attributes.USER_NAME, "bob").attributes()));
        assertEquals("1b 06 00 00 0e 10", hex(new AttributeWriter().integer(Attributes.SESSION_TIMEOUT, 3600).attributes()));
        // WISPr-Bandwidth-Max-Down = 2048000, as SteppeDictionaryTest has tinyradius encode it.
        assertEquals("1a 0c 00 00 37 2a 08 06 00 1f 40 00", hex(new AttributeWriter().vendorInteger(14122, 8, 2_048_000).attributes()));
        assertEquals("01 02", hex(new AttributeWriter().octets(Attributes.USER_NAME, new byte[0]).attributes()));
    }

    @Test
    void proxyStatesAreCopiedUnmodifiedAndInOrder() {
        byte[] request = AccessRequestDecoderTest.request(new byte[16],
                AccessRequestDecoderTest.attribute(Attributes.PROXY_STATE, bytes("01 02")),
                AccessRequestDecoderTest.attribute(Attributes.USER_NAME, bytes("75")),
                AccessRequestDecoderTest.attribute(Attributes.PROXY_STATE, bytes("03")));
        assertEquals("21 04 01 02 21 03 03", hex(new AttributeWriter().proxyStates(request).attributes()));
    }

    @Test
    void theArrayGrowsToRadiusLimitsAndNoFurther() {
        AttributeWriter writer = new AttributeWriter(20);
        byte[] value = new byte[253];
        for (int i = 0; i < 15; i++) {
            writer.octets(Attributes.CLASS, value);
        }
        assertEquals(20 + 15 * 255, writer.length());
        assertThrows(IllegalArgumentException.class, () -> writer.octets(Attributes.CLASS, value), "past 4096 octets");
        assertThrows(IllegalArgumentException.class, () -> new AttributeWriter().octets(Attributes.CLASS, new byte[254]));
        assertThrows(IllegalArgumentException.class, () -> new AttributeWriter().userPassword(new byte[129]));
    }

    @Test
    void aCallersArrayIsReusedPacketAfterPacket() {
        byte[] out = new byte[4096];
        AttributeWriter writer = new AttributeWriter(out);
        byte[] encoded = new AttributeWriter().text(Attributes.USER_NAME, "bob").integer(Attributes.NAS_PORT, 7).attributes();
        writer.integer(Attributes.ACCT_STATUS_TYPE, 1).encoded(encoded);
        writer.reset().encoded(encoded);
        assertSame(out, writer.array());
        assertEquals(20 + encoded.length, writer.length());
        assertArrayEquals(encoded, writer.attributes());
    }

    @Test
    void aRequestCarriesOnePassword() {
        AttributeWriter writer = new AttributeWriter().userPassword(new byte[3]);
        assertThrows(IllegalStateException.class, () -> writer.chapPassword(new byte[3]));
        assertEquals(20 + 18, writer.length(), "a short password takes one block");
    }
}

package io.steppe.radius.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextAttributeTest {

    @Test
    void printableAsciiAndUtf8AreText() {
        assertEquals("AA-BB-CC-00-00-01", TextAttribute.decode("AA-BB-CC-00-00-01".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("Ёлка 草原 🐎", TextAttribute.decode("Ёлка 草原 🐎".getBytes(StandardCharsets.UTF_8)));
        assertEquals("", TextAttribute.decode(new byte[0]));
    }

    @Test
    void nulControlCharactersAndOctetsThatAreNotUtf8AreNot() {
        assertNull(TextAttribute.decode(new byte[] {'a', 0, 'b'}));
        assertNull(TextAttribute.decode(new byte[] {'a', '\n'}));
        assertNull(TextAttribute.decode(new byte[] {'a', 0x7f}));
        assertNull(TextAttribute.decode(new byte[] {(byte) 0xc3, 0x28}), "a lead byte without its continuation");
        assertNull(TextAttribute.decode(new byte[] {(byte) 0xc0, (byte) 0xaf}), "an overlong encoding");
        assertNull(TextAttribute.decode(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}), "an encoded surrogate");
        assertNull(TextAttribute.decode(new byte[] {(byte) 0xff}));
        assertNull(TextAttribute.decode(new byte[] {(byte) 0xd0, (byte) 0x81, 0}), "a NUL after UTF-8");
    }

    @Test
    void requireNamesTheAttributeAndReadsOnlyItsOwnOctets() {
        byte[] packet = {'x', 'o', 'k', 0};
        assertEquals("ok", TextAttribute.require(packet, 1, 2, "User-Name"));
        assertEquals("User-Name holds a NUL, a control character or octets that are not UTF-8",
                assertThrows(TextAttribute.Invalid.class, () -> TextAttribute.require(packet, 1, 3, "User-Name")).getMessage());
    }

    @Test
    void stringsMadeElsewhereAreCheckedAlike() {
        assertTrue(TextAttribute.isClean("Ёлка 🐎"));
        assertFalse(TextAttribute.isClean("a\u0000b"));
        assertFalse(TextAttribute.isClean("a\ud800"));
        assertFalse(TextAttribute.isClean("\udc00a"));
    }
}

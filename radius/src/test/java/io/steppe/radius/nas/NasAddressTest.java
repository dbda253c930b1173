package io.steppe.radius.nas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class NasAddressTest {

    @Test
    void singleAddressesAndRangesOfBothFamilies() throws Exception {
        assertEquals("192.0.2.7", NasAddress.parse("192.0.2.7").toString());
        assertEquals("192.0.2.0/24", NasAddress.parse(" 192.0.2.0/24 ").toString());
        assertEquals("2001:db8::1", NasAddress.parse("2001:db8::1").toString());
        assertEquals("2001:db8::/32", NasAddress.parse("2001:db8::/32").toString());
        assertTrue(NasAddress.parse("192.0.2.0/24").contains(InetAddress.getByName("192.0.2.200")));
        assertFalse(NasAddress.parse("192.0.2.0/24").contains(InetAddress.getByName("192.0.3.1")));
        assertFalse(NasAddress.parse("192.0.2.0/24").contains(InetAddress.getByName("::1")));
    }

    @Test
    void badInputNamesTheProblem() {
        assertEquals("'gw.example.org' is not an IP address or CIDR range",
                assertThrows(IllegalArgumentException.class, () -> NasAddress.parse("gw.example.org")).getMessage());
        assertEquals("'10.0.0.300' is not an IP address or CIDR range",
                assertThrows(IllegalArgumentException.class, () -> NasAddress.parse("10.0.0.300")).getMessage());
        assertEquals("prefix length 33 is outside 0..32",
                assertThrows(IllegalArgumentException.class, () -> NasAddress.parse("10.0.0.0/33")).getMessage());
        assertEquals("10.0.0.5/24 has host bits set; the network is 10.0.0.0/24",
                assertThrows(IllegalArgumentException.class, () -> NasAddress.parse("10.0.0.5/24")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> NasAddress.parse("10.0.0.0/x"));
    }
}

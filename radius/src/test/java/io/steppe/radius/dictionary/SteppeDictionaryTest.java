package io.steppe.radius.dictionary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tinyradius.core.attribute.AttributeTemplate;
import org.tinyradius.core.attribute.type.RadiusAttribute;
import org.tinyradius.core.attribute.type.VendorSpecificAttribute;
import org.tinyradius.core.dictionary.Dictionary;
import org.tinyradius.core.dictionary.parser.DictionaryParser;

class SteppeDictionaryTest {

    private static final String ROOT = "io/steppe/radius/dictionary/dictionary";
    private static final int STANDARD = -1; // tinyradius' vendor id for non-vendor attributes

    private static Dictionary dictionary;

    @BeforeAll
    static void parse() throws Exception {
        dictionary = DictionaryParser.newClasspathParser().parseDictionary(ROOT);
    }

    @Test
    void standardAttributesResolveByName() {
        assertAttribute("Acct-Input-Gigawords", STANDARD, 52, "integer");
        assertAttribute("Message-Authenticator", STANDARD, 80, "octets");
        assertAttribute("Framed-IPv6-Address", STANDARD, 168, "ipv6addr");
        assertAttribute("Error-Cause", STANDARD, 101, "integer");
        assertEquals("Wireless-802.11", template("NAS-Port-Type").getEnumeration(19));
        assertEquals(3, template("Acct-Status-Type").getEnumeration("Interim-Update"));
    }

    @Test
    void everyIncludedVendorResolvesByName() {
        assertAttribute("WISPr-Bandwidth-Max-Down", 14122, 8, "integer");
        assertAttribute("ChilliSpot-Max-Total-Gigawords", 14559, 23, "integer");
        assertAttribute("Mikrotik-Rate-Limit", 14988, 8, "string");
        assertAttribute("Huawei-Input-Peak-Rate", 2011, 3, "integer");
        assertAttribute("H3C-Output-Peak-Rate", 25506, 4, "integer");
        assertAttribute("Ruijie-Max-Up-Rate", 4881, 16, "integer");
    }

    @Test
    void wisprBandwidthLimitEncodesToTheExpectedWireBytes() {
        RadiusAttribute limit = dictionary.createAttribute("WISPr-Bandwidth-Max-Down", "2048000");
        VendorSpecificAttribute vsa = new VendorSpecificAttribute(dictionary, 14122, List.of(limit));

        byte[] wire = {0x1a, 0x0c, 0x00, 0x00, 0x37, 0x2a, 0x08, 0x06, 0x00, 0x1f, 0x40, 0x00};
        assertArrayEquals(wire, vsa.toByteArray());

        RadiusAttribute decoded = dictionary.createAttribute(STANDARD, 26, Unpooled.wrappedBuffer(wire));
        RadiusAttribute sub = assertInstanceOf(VendorSpecificAttribute.class, decoded).getAttributes().get(0);
        assertEquals("WISPr-Bandwidth-Max-Down", sub.getAttributeName());
        assertEquals("2048000", sub.getValueString());
    }

    private static void assertAttribute(String name, int vendorId, int type, String dataType) {
        AttributeTemplate t = template(name);
        assertEquals(vendorId, t.getVendorId(), name + " vendor");
        assertEquals(type, t.getType(), name + " type");
        assertEquals(dataType, t.getDataType(), name + " data type");
    }

    private static AttributeTemplate template(String name) {
        return dictionary.getAttributeTemplate(name)
                .orElseThrow(() -> new AssertionError(name + " is not in " + ROOT));
    }
}

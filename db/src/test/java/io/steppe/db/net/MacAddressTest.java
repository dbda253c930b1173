package io.steppe.db.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MacAddressTest {

    @Test
    void everyFormGatewaysSendIsTheSameAddress() {
        for (String form : new String[] {"AA-BB-CC-0D-0E-0F", "aa:bb:cc:0d:0e:0f", "aabb.cc0d.0e0f", "AABBCC0D0E0F", " aa:bb:cc:0d:0e:0f "}) {
            assertEquals("aa:bb:cc:0d:0e:0f", MacAddress.parse(form).toString(), form);
        }
    }

    @Test
    void anythingElseIsRefusedByName() {
        for (String bad : new String[] {"", "aa:bb:cc:dd:ee", "aa:bb:cc:dd:ee:fg", "aa-bb:cc-dd:ee-ff0", "aabb.ccdd.eef", "aa:bb:cc:dd:ee:ff:00"}) {
            assertEquals("'" + bad + "' is not a MAC address",
                    assertThrows(IllegalArgumentException.class, () -> MacAddress.parse(bad)).getMessage());
        }
    }
}

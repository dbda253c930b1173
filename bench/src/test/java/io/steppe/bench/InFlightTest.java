package io.steppe.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InFlightTest {

    @Test
    void neverHandsOutMoreThanTheWindow() {
        InFlight inFlight = new InFlight(4, 3);
        int a = inFlight.acquire();
        int b = inFlight.acquire();
        int c = inFlight.acquire();
        assertEquals(-1, inFlight.acquire());
        assertEquals(3, inFlight.outstanding());
        inFlight.release(b);
        assertTrue(inFlight.acquire() >= 0);
        assertTrue(inFlight.busy(a) && inFlight.busy(c));
    }

    @Test
    void spreadsOverPortsAndReusesASlotOnlyAfterAllOthers() {
        InFlight inFlight = new InFlight(4, 1);
        Set<Integer> seen = new HashSet<>();
        int first = inFlight.acquire();
        assertEquals(0, InFlight.channel(first));
        inFlight.release(first);
        int second = inFlight.acquire();
        assertEquals(1, InFlight.channel(second), "the next request goes out on the next source port");
        inFlight.release(second);
        seen.add(first);
        seen.add(second);
        for (int i = 2; i < inFlight.slots(); i++) {
            int slot = inFlight.acquire();
            assertTrue(seen.add(slot), "slot " + slot + " reused before every other slot had a turn");
            inFlight.release(slot);
        }
        assertEquals(first, inFlight.acquire());
    }

    @Test
    void remembersWhatWasSent() {
        InFlight inFlight = new InFlight(4, 8);
        int slot = inFlight.acquire();
        byte[] packet = new byte[20];
        for (int i = 4; i < 20; i++) {
            packet[i] = (byte) i;
        }
        inFlight.sent(slot, 123, packet, true);
        assertEquals(123, inFlight.sentAt(slot));
        assertTrue(inFlight.measured(slot));
        assertEquals(19, inFlight.authenticators()[slot * 16 + 15]);
        inFlight.release(slot);
        assertFalse(inFlight.busy(slot));
        assertEquals(0, inFlight.outstanding());
    }
}

package io.steppe.ops.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    @Test
    void timesAreTheCitysUnlessTheyCarryAnOffset() {
        Instant nineInTheMorning = Instant.parse("2026-12-06T01:00:00Z");
        assertEquals(nineInTheMorning, AuditQuery.time("from", "2026-12-06 09:00", CITY));
        assertEquals(nineInTheMorning, AuditQuery.time("from", "2026-12-06T09:00:00", CITY));
        assertEquals(nineInTheMorning, AuditQuery.time("from", "2026-12-06T01:00:00Z", CITY));
        assertEquals(Instant.parse("2026-12-05T16:00:00Z"), AuditQuery.time("from", "2026-12-06", CITY));
        assertNull(AuditQuery.time("from", " ", CITY));
    }

    @Test
    void badInputNamesItsParameter() {
        assertTrue(assertThrows(BadQueryParameter.class, () -> AuditQuery.time("to", "tomorrow", CITY)).getMessage().contains("'to'"));
        assertTrue(assertThrows(BadQueryParameter.class, () -> AuditQuery.of(null, null, null, null, "-1", null, CITY))
                .getMessage().contains("'before'"));
        assertEquals(AuditQuery.MAX, AuditQuery.of(null, null, "", "", null, null, CITY).limit());
        assertNull(AuditQuery.of(null, null, "", " ", null, null, CITY).actor());
    }
}

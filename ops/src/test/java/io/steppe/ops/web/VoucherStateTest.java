package io.steppe.ops.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VoucherStateTest {

    static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    static final Instant TOMORROW = NOW.plusSeconds(86_400);

    @Test
    void theMostFinalStateWins() {
        assertEquals(VoucherState.UNUSED, VoucherState.of(false, TOMORROW, false, 0, 60, NOW));
        assertEquals(VoucherState.IN_USE, VoucherState.of(false, TOMORROW, true, 59 * 60, 60, NOW));
        assertEquals(VoucherState.SPENT, VoucherState.of(false, TOMORROW, true, 60 * 60, 60, NOW));
        assertEquals(VoucherState.EXPIRED, VoucherState.of(false, NOW, true, 60 * 60, 60, NOW), "expired this very second");
        assertEquals(VoucherState.REVOKED, VoucherState.of(true, NOW.minusSeconds(1), false, 0, 60, NOW));
        assertTrue(VoucherState.IN_USE.revocable());
        assertFalse(VoucherState.SPENT.revocable());
    }
}

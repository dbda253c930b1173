package io.steppe.portal.sms;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatewayThrottleTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T02:00:30Z"));
    final GatewayThrottle throttle = new GatewayThrottle(3, clock);

    @Test
    void aGatewayAtItsLimitSendsAgainAsItsOldestCodeLeavesTheMinute() {
        assertTrue(throttle.tryCount("square-gw"));
        clock.advance(Duration.ofSeconds(20));
        assertTrue(throttle.tryCount("square-gw"));
        assertTrue(throttle.tryCount("square-gw"));
        assertFalse(throttle.tryCount("square-gw"));
        assertTrue(throttle.tryCount("station-gw"), "other gateways are not affected");
        clock.advance(Duration.ofSeconds(39));
        assertFalse(throttle.tryCount("square-gw"), "a minute has not passed since the first code, though the clock's minute has");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(throttle.tryCount("square-gw"));
        assertFalse(throttle.tryCount("square-gw"));
    }

    @Test
    void aCodeTakenBackFreesItsPlace() {
        for (int i = 0; i < 3; i++) {
            assertTrue(throttle.tryCount("square-gw"));
        }
        throttle.uncount("square-gw");
        assertTrue(throttle.tryCount("square-gw"));
        assertFalse(throttle.tryCount("square-gw"));
    }

    @Test
    void aLimitBelowOneIsRefusedWithItsName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GatewayThrottle(0, clock)).getMessage()
                .contains("per-gateway SMS limit"));
    }
}

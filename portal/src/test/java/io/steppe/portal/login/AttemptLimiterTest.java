package io.steppe.portal.login;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {

    @Test
    void aDeviceThatGuessesTooOftenWaitsUntilItsOldestMissLeavesTheWindow() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T02:00:00Z"));
        AttemptLimiter limiter = new AttemptLimiter(3, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.allowed("aa:bb:cc:00:00:01"));
            limiter.failed("aa:bb:cc:00:00:01");
            clock.advance(Duration.ofMinutes(1));
        }
        assertFalse(limiter.allowed("aa:bb:cc:00:00:01"));
        assertTrue(limiter.allowed("aa:bb:cc:00:00:02"), "other devices are not affected");
        clock.advance(Duration.ofMinutes(7).plusSeconds(1));
        assertTrue(limiter.allowed("aa:bb:cc:00:00:01"), "the first miss is out of the window");
    }
}

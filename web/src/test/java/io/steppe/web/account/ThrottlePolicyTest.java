package io.steppe.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    private final ThrottlePolicy policy = ThrottlePolicy.standard();
    private final Instant now = Instant.parse("2026-05-01T10:00:00Z");

    private static List<Instant> failures(Instant last, int count) {
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(last.minusSeconds(i));
        }
        return out;
    }

    @Test
    void fourTyposCostNothingTheFifthAHalfMinute() {
        assertTrue(policy.delay(failures(now, 4), now).isEmpty());
        assertEquals(Optional.of(Duration.ofSeconds(30)), policy.delay(failures(now, 5), now));
        assertEquals(Optional.of(Duration.ofSeconds(10)), policy.delay(failures(now.minusSeconds(20), 5), now));
        assertTrue(policy.delay(failures(now.minusSeconds(31), 5), now).isEmpty());
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToFifteenMinutes() {
        assertEquals(Optional.of(Duration.ofSeconds(60)), policy.delay(failures(now, 6), now));
        assertEquals(Optional.of(Duration.ofSeconds(120)), policy.delay(failures(now, 7), now));
        assertEquals(Optional.of(Duration.ofMinutes(15)), policy.delay(failures(now, 40), now));
    }

    @Test
    void failuresOlderThanAnHourAreForgotten() {
        assertTrue(policy.delay(failures(now.minus(Duration.ofMinutes(61)), 40), now).isEmpty());
    }
}

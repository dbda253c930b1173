package io.steppe.controller.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApHealthTest {

    static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    static final HealthRules RULES = new HealthRules(3, Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(60),
            HealthRules.Thresholds.defaults());
    static final Condition UP = new Condition(ApState.UP, List.of());
    static final Condition HOT = new Condition(ApState.DEGRADED, List.of(Reason.of(Reason.CHANNEL_UTILIZATION, 93, 80)));
    static final Condition DOWN = new Condition(ApState.DOWN, List.of(Reason.of(Reason.SILENT, "2026-05-01T08:00:00Z", 3, 30)));

    @Test
    void theFirstJudgementCountsAtOnceThenAChangeMustHoldForItsTime() {
        ApHealth h = new ApHealth(Condition.NEVER_SEEN, T0, 0);
        assertEquals(ApState.UP, h.observe(UP, T0, RULES).orElseThrow().to().state());
        assertTrue(h.observe(HOT, T0.plusSeconds(10), RULES).isEmpty());
        assertTrue(h.observe(HOT, T0.plusSeconds(69), RULES).isEmpty());
        assertEquals(ApState.DEGRADED, h.observe(HOT, T0.plusSeconds(70), RULES).orElseThrow().to().state());
        assertEquals(T0.plusSeconds(70), h.since());
    }

    @Test
    void downNeedsNoHoldBeyondTheMissedIntervalsButRecoveryDoes() {
        ApHealth h = new ApHealth(UP, T0, 0);
        assertEquals(ApState.DOWN, h.observe(DOWN, T0, RULES).orElseThrow().to().state());
        assertTrue(h.observe(UP, T0.plusSeconds(30), RULES).isEmpty());
        assertEquals(ApState.UP, h.observe(UP, T0.plusSeconds(90), RULES).orElseThrow().to().state());
        assertEquals(0, h.flaps());
    }

    @Test
    void aRelapseBeforeTheRecoveryHoldIsAFlapNotAChange() {
        ApHealth h = new ApHealth(UP, T0, 0);
        h.observe(DOWN, T0, RULES);
        for (int i = 1; i <= 4; i++) {
            assertTrue(h.observe(UP, T0.plusSeconds(100L * i), RULES).isEmpty());
            assertTrue(h.observe(DOWN, T0.plusSeconds(100L * i + 30), RULES).isEmpty());
        }
        assertEquals(ApState.DOWN, h.condition().state());
        assertEquals(4, h.flaps());
        assertEquals(4, h.incidentFlaps());
        h.observe(UP, T0.plusSeconds(1000), RULES);
        h.observe(UP, T0.plusSeconds(1060), RULES);
        assertEquals(ApState.UP, h.condition().state());
        assertEquals(0, h.incidentFlaps(), "the incident is over");
        assertEquals(4, h.flaps(), "the AP's count stays");
    }
}

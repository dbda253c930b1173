package io.steppe.controller.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.heartbeat.Heartbeat;
import io.steppe.controller.heartbeat.HeartbeatWriter.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HealthJudgeTest {

    static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    final HealthJudge judge = new HealthJudge(HealthRules.defaults().withMinimumFirmware("7.4"), T0.minusSeconds(3600));

    static Received beat(double utilisation, int clients, double loss, String firmware) {
        return new Received("jn-01", new Heartbeat(T0, Duration.ofSeconds(30), OptionalLong.of(100), OptionalDouble.of(0.2),
                OptionalDouble.of(0.5), OptionalInt.of(clients),
                List.of(new Heartbeat.Radio(Optional.of("5"), OptionalInt.of(36), OptionalDouble.of(20), OptionalDouble.of(-95),
                        OptionalDouble.of(utilisation), OptionalDouble.of(0.02), OptionalInt.empty())),
                Optional.of(new Heartbeat.Backhaul(OptionalDouble.of(20), OptionalDouble.of(loss))), Optional.of(firmware)), T0);
    }

    @Test
    void healthyFiguresAreUpAndEachBadFigureIsAReason() {
        assertEquals(ApState.UP, judge.judge(Optional.of(beat(0.3, 10, 0, "7.4.2")), T0, HealthJudge.Probe.NOT_PROBED, 0).state());
        Condition bad = judge.judge(Optional.of(beat(0.93, 75, 0.12, "7.3.9")), T0, HealthJudge.Probe.NOT_PROBED, 0);
        assertEquals(ApState.DEGRADED, bad.state());
        assertEquals(List.of("channel utilisation 93 % (threshold 80 %)", "backhaul loss 12 % (threshold 5 %)",
                "75 clients (threshold 60)", "firmware 7.3.9 is behind 7.4"), bad.reasons().stream().map(r -> r.text(Words.english())).toList());
    }

    @Test
    void silenceIsDownUnlessUsersAreStillActiveOrTheManagementPortAnswers() {
        Optional<Received> last = Optional.of(beat(0.3, 10, 0, "7.4.2"));
        Instant later = T0.plusSeconds(91);
        assertEquals(ApState.UP, judge.judge(last, T0.plusSeconds(90), HealthJudge.Probe.NOT_PROBED, 0).state(), "exactly 3 intervals");
        Condition down = judge.judge(last, later, HealthJudge.Probe.FAILED, 0);
        assertEquals(ApState.DOWN, down.state());
        assertTrue(down.reasons().get(0).text(Words.english()).endsWith("its management port does not answer"), down.toString());
        assertEquals(ApState.UNREACHABLE, judge.judge(last, later, HealthJudge.Probe.FAILED, 4).state());
        Condition agent = judge.judge(last, later, HealthJudge.Probe.ANSWERED, 0);
        assertEquals(ApState.DEGRADED, agent.state());
        assertEquals(Reason.AGENT_SILENT, agent.reasons().get(0).code());
        assertEquals(ApState.UNKNOWN, judge.judge(Optional.empty(), later, HealthJudge.Probe.NOT_PROBED, 0).state());
    }

    @Test
    void aRestartedControllerCountsSilenceFromItsOwnStart() {
        HealthJudge restarted = new HealthJudge(HealthRules.defaults(), T0.plusSeconds(600));
        assertEquals(ApState.UP, restarted.judge(Optional.of(beat(0.3, 10, 0, "7.4.2")), T0.plusSeconds(660),
                HealthJudge.Probe.NOT_PROBED, 0).state());
        assertEquals(ApState.DOWN, restarted.judge(Optional.of(beat(0.3, 10, 0, "7.4.2")), T0.plusSeconds(691),
                HealthJudge.Probe.NOT_PROBED, 0).state());
    }
}

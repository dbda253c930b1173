package io.steppe.controller.health;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.heartbeat.HeartbeatWriter.Received;
import io.steppe.controller.radius.RadiusView;
import java.time.Instant;
import java.util.Optional;

/**
 * One AP as of the last evaluation: inventory, committed state with reasons, flaps, the last heartbeat and
 * who is online through it.
 *
 * @param incidentFlaps flaps since the current incident began
 * @param probe         the last probe of its management port, if one was made
 */
public record ApSnapshot(AccessPoint ap, Condition condition, Instant since, int flaps, int incidentFlaps,
                         Optional<Received> latest, RadiusView.Usage usage, Optional<Boolean> probe) {

    public ApState state() {
        return condition.state();
    }
}

package io.steppe.controller.history;

import io.steppe.controller.health.Reason;
import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/aps/{id}/history} answers.
 *
 * @param resolution {@code raw}, {@code 5m} or {@code 1h}: the finest still kept for the whole range
 * @param changes    changes of state in the range, after the state the AP was in at its start
 */
public record History(String ap, Instant from, Instant to, String resolution, List<HistoryPoint> points, List<StateChange> changes) {

    /** A change of state. */
    public record StateChange(Instant at, String from, String to, List<Reason> reasons) {
    }
}

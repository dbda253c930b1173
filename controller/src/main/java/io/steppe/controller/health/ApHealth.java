package io.steppe.controller.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One AP's committed state and the hysteresis in front of it. A judged condition different from the committed
 * one becomes the candidate; it is committed once it has held for the rule's hold time. A candidate that gives
 * way to the committed state again before that (an AP that comes back and drops again) is a flap: counted, and
 * no change, so a flapping AP stays one incident. Used by the evaluator's thread only.
 */
public final class ApHealth {

    /** A committed change of state. */
    public record Transition(ApState from, Condition to, Instant at) {
    }

    private Condition committed;
    private Instant since;
    private int flaps;
    private int incidentFlaps;
    private ApState candidate;
    private Instant candidateSince;

    public ApHealth(Condition committed, Instant since, int flaps) {
        this.committed = committed;
        this.since = since;
        this.flaps = flaps;
    }

    /** Takes a judgement made at {@code now}; returns the change it commits, if any. */
    public Optional<Transition> observe(Condition judged, Instant now, HealthRules rules) {
        if (judged.state() == committed.state()) {
            if (candidate != null) {
                flaps++;
                incidentFlaps++;
                candidate = null;
            }
            committed = judged;
            return Optional.empty();
        }
        if (candidate != judged.state()) {
            candidate = judged.state();
            candidateSince = now;
        }
        Duration hold = rules.hold(committed.state(), judged.state());
        if (Duration.between(candidateSince, now).compareTo(hold) < 0) {
            return Optional.empty();
        }
        ApState from = committed.state();
        committed = judged;
        since = now;
        candidate = null;
        if (!judged.state().isProblem()) {
            incidentFlaps = 0;
        }
        return Optional.of(new Transition(from, judged, now));
    }

    public Condition condition() {
        return committed;
    }

    public Instant since() {
        return since;
    }

    /** Flaps counted over the AP's life. */
    public int flaps() {
        return flaps;
    }

    /** Flaps since the current incident began; 0 when the AP is healthy. */
    public int incidentFlaps() {
        return incidentFlaps;
    }
}

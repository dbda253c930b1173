package io.steppe.controller.health;

import java.util.List;

/** A state with its reasons, as judged at one moment or as committed after its hold. */
public record Condition(ApState state, List<Reason> reasons) {

    public static final Condition NEVER_SEEN = new Condition(ApState.UNKNOWN,
            List.of(Reason.of(Reason.NEVER_SEEN)));

    public Condition {
        reasons = List.copyOf(reasons);
    }
}

package io.steppe.radius.auth;

import io.steppe.radius.packet.AuthDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link HotspotRules} made of an attempt: the decision and, when it is an accept, the writes it implies.
 * A decision with effects is only taken once they are written.
 */
record Ruling(AuthDecision decision, List<Effect> effects) {

    Ruling {
        effects = List.copyOf(effects);
    }

    /** This ruling with {@code effect} before its own: first what can be lost, so that a lost race writes nothing. */
    Ruling after(Effect effect) {
        List<Effect> all = new ArrayList<>(effects.size() + 1);
        all.add(effect);
        all.addAll(effects);
        return new Ruling(decision, all);
    }

    /** This ruling with {@code effect} after its own. */
    Ruling then(Effect effect) {
        List<Effect> all = new ArrayList<>(effects);
        all.add(effect);
        return new Ruling(decision, all);
    }
}

package io.steppe.controller.heartbeat;

import java.util.List;

/** A heartbeat as Steppe takes it in, and the values it left out of it (each named in the answer and counted). */
public record ParsedHeartbeat(Heartbeat heartbeat, List<IgnoredField> ignored) {

    public ParsedHeartbeat {
        ignored = List.copyOf(ignored);
    }
}

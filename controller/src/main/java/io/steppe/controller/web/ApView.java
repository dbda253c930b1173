package io.steppe.controller.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.health.Condition;
import io.steppe.controller.health.Reason;
import io.steppe.controller.heartbeat.Heartbeat;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** One AP as the API shows it: inventory, state with reasons, flaps, the last heartbeat's figures, users online. */
@Serdeable
record ApView(String id, String mac, String name, @Nullable String site, @Nullable Double latitude, @Nullable Double longitude,
              @Nullable String gateway, @Nullable String model, @Nullable String firmware, String state, List<String> reasons,
              @Nullable String since, int flaps, @Nullable String lastHeartbeat, @Nullable Integer intervalS,
              @Nullable Integer clients, @Nullable Double channelUtilization, @Nullable Double rttMs, @Nullable Double loss,
              int sessions, int users, @Nullable Boolean probeAnswered) {

    static ApView of(ApSnapshot s) {
        AccessPoint ap = s.ap();
        Heartbeat h = s.latest().map(r -> r.heartbeat()).orElse(null);
        return new ApView(ap.id(), ap.mac().toString(), ap.name(), ap.site().orElse(null),
                ap.location().map(AccessPoint.Location::latitude).orElse(null),
                ap.location().map(AccessPoint.Location::longitude).orElse(null), ap.gateway().orElse(null),
                ap.hardware().model().orElse(null),
                h != null && h.firmware().isPresent() ? h.firmware().get() : ap.hardware().firmware().orElse(null),
                s.state().name(), s.condition().reasons().stream().map(Reason::text).toList(), s.since().toString(), s.flaps(),
                s.latest().map(r -> r.receivedAt().toString()).orElse(null),
                h == null ? null : (int) h.interval().toSeconds(), h == null ? null : value(h.clients()),
                h == null ? null : value(h.channelUtilization()),
                h == null ? null : h.backhaul().map(b -> value(b.rttMs())).orElse(null),
                h == null ? null : h.backhaul().map(b -> value(b.loss())).orElse(null),
                s.usage().sessions(), s.usage().users(), s.probe().orElse(null));
    }

    /** An AP registered since the last evaluation. */
    static ApView unevaluated(AccessPoint ap) {
        Condition c = Condition.NEVER_SEEN;
        return new ApView(ap.id(), ap.mac().toString(), ap.name(), ap.site().orElse(null),
                ap.location().map(AccessPoint.Location::latitude).orElse(null),
                ap.location().map(AccessPoint.Location::longitude).orElse(null), ap.gateway().orElse(null),
                ap.hardware().model().orElse(null), ap.hardware().firmware().orElse(null), c.state().name(),
                c.reasons().stream().map(Reason::text).toList(), null, 0, null, null, null, null, null, null, 0, 0, null);
    }

    private static Integer value(OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }

    private static Double value(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }
}

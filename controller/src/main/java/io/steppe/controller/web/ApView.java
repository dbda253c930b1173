package io.steppe.controller.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.health.Condition;
import io.steppe.controller.health.Reason;
import io.steppe.controller.health.Words;
import io.steppe.controller.heartbeat.Heartbeat;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One AP as the API shows it: inventory, state with reasons, flaps, the last heartbeat's figures, users online. The
 * state and reason codes are for programs; {@code stateText} and {@code reasons} are the same words the console
 * shows, in the caller's language (English unless it asks for Chinese). {@code reasons} and {@code reasonCodes} are
 * always there, empty for an AP that is UP.
 */
@Serdeable
record ApView(String id, String mac, String name, @Nullable String site, @Nullable Double latitude, @Nullable Double longitude,
              @Nullable String gateway, @Nullable String model, @Nullable String firmware, String state, String stateText,
              @JsonInclude(JsonInclude.Include.ALWAYS) List<String> reasons,
              @JsonInclude(JsonInclude.Include.ALWAYS) List<String> reasonCodes,
              @Nullable String since, int flaps, @Nullable String lastHeartbeat, @Nullable Integer intervalS,
              @Nullable Integer clients, @Nullable Double channelUtilization, @Nullable Double rttMs, @Nullable Double loss,
              int sessions, int users, @Nullable Boolean probeAnswered) {

    static ApView of(ApSnapshot s, Words words) {
        AccessPoint ap = s.ap();
        Heartbeat h = s.latest().map(r -> r.heartbeat()).orElse(null);
        return new ApView(ap.id(), ap.mac().toString(), ap.name(), ap.site().orElse(null),
                ap.location().map(AccessPoint.Location::latitude).orElse(null),
                ap.location().map(AccessPoint.Location::longitude).orElse(null), ap.gateway().orElse(null),
                ap.hardware().model().orElse(null),
                h != null && h.firmware().isPresent() ? h.firmware().get() : ap.hardware().firmware().orElse(null),
                s.state().name(), words.of(s.state()), texts(s.condition(), words), codes(s.condition()), s.since().toString(), s.flaps(),
                s.latest().map(r -> r.receivedAt().toString()).orElse(null),
                h == null ? null : (int) h.interval().toSeconds(), h == null ? null : value(h.clients()),
                h == null ? null : value(h.channelUtilization()),
                h == null ? null : h.backhaul().map(b -> value(b.rttMs())).orElse(null),
                h == null ? null : h.backhaul().map(b -> value(b.loss())).orElse(null),
                s.usage().sessions(), s.usage().users(), s.probe().orElse(null));
    }

    /** An AP registered since the last evaluation. */
    static ApView unevaluated(AccessPoint ap, Words words) {
        Condition c = Condition.NEVER_SEEN;
        return new ApView(ap.id(), ap.mac().toString(), ap.name(), ap.site().orElse(null),
                ap.location().map(AccessPoint.Location::latitude).orElse(null),
                ap.location().map(AccessPoint.Location::longitude).orElse(null), ap.gateway().orElse(null),
                ap.hardware().model().orElse(null), ap.hardware().firmware().orElse(null), c.state().name(),
                words.of(c.state()), texts(c, words), codes(c), null, 0, null, null, null, null, null, null, 0, 0, null);
    }

    private static List<String> texts(Condition c, Words words) {
        return c.reasons().stream().map(r -> r.text(words)).toList();
    }

    private static List<String> codes(Condition c) {
        return c.reasons().stream().map(Reason::code).toList();
    }

    private static Integer value(OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }

    private static Double value(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }
}

package io.steppe.controller.web;

import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.health.Reason;
import java.util.List;

/**
 * What {@code ap.jte} shows of one AP: its state with reasons, its facts, and its last 24 hours.
 *
 * @param facts name and value, in the order shown
 */
public record ApPage(String id, String name, String state, List<String> reasons, List<Fact> facts, HistoryChart chart) {

    /** A line of the AP's table. */
    public record Fact(String name, String value) {
    }

    static ApPage of(ApSnapshot a, HistoryChart chart) {
        return new ApPage(a.ap().id(), a.ap().name(), a.state().name(), a.condition().reasons().stream().map(Reason::text).toList(), List.of(
                new Fact("MAC", a.ap().mac().toString()),
                new Fact("Site", a.ap().site().orElse("")),
                new Fact("Gateway", a.ap().gateway().orElse("")),
                new Fact("Model / firmware", a.ap().hardware().model().orElse("?") + " / "
                        + a.latest().flatMap(r -> r.heartbeat().firmware()).or(() -> a.ap().hardware().firmware()).orElse("?")),
                new Fact("In this state since", a.since().toString()),
                new Fact("Flaps", Integer.toString(a.flaps())),
                new Fact("Last heartbeat", a.latest().map(r -> r.receivedAt().toString()).orElse("never")),
                new Fact("RADIUS sessions / users", a.usage().sessions() + " / " + a.usage().users())), chart);
    }
}

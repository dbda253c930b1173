package io.steppe.controller.web;

import io.steppe.controller.alert.Alert;
import io.steppe.controller.health.ApSnapshot;
import io.steppe.web.Texts;
import java.util.List;
import java.util.Map;

/**
 * What {@code ap.jte} shows of one AP, in the reader's words: its state with reasons, its open alert, its facts, and
 * its last 24 hours, whose last band is the state the header shows.
 *
 * @param facts name and value, in the order shown
 */
public record ApPage(String id, String name, String state, String stateText, List<String> reasons, List<AlertLine> alerts,
                     List<Fact> facts, HistoryChart chart) {

    /** A line of the AP's table. */
    public record Fact(String name, String value) {
    }

    /** The keys of the alerts that concern this AP: its own, and its gateway's and site's outages. */
    static List<String> alertKeys(ApSnapshot a) {
        List<String> keys = new java.util.ArrayList<>(List.of("ap:" + a.ap().id()));
        a.ap().gateway().ifPresent(g -> keys.add("gateway:" + g + ":down"));
        a.ap().site().ifPresent(s -> keys.add("site:" + s + ":down"));
        return keys;
    }

    static ApPage of(ApSnapshot a, List<Alert> alerts, HistoryChart chart, Texts t) {
        ConsoleWords words = new ConsoleWords(t);
        return new ApPage(a.ap().id(), a.ap().name(), a.state().name(), t.of(a.state()),
                a.condition().reasons().stream().map(r -> r.text(words)).toList(),
                alerts.stream().filter(l -> alertKeys(a).contains(l.key())).map(l -> AlertLine.of(l, t, Map.of(a.ap().id(), a))).toList(), List.of(
                new Fact(t.get("ap.mac"), a.ap().mac().toString()),
                new Fact(t.get("ap.site"), a.ap().site().orElse("")),
                new Fact(t.get("ap.gateway"), a.ap().gateway().orElse("")),
                new Fact(t.get("ap.hardware"), a.ap().hardware().model().orElse("?") + " / "
                        + a.latest().flatMap(r -> r.heartbeat().firmware()).or(() -> a.ap().hardware().firmware()).orElse("?")),
                new Fact(t.get("ap.since"), t.when(a.since())),
                new Fact(t.get("ap.flaps"), Integer.toString(a.flaps())),
                new Fact(t.get("ap.lastHeartbeat"), a.latest().map(r -> t.when(r.receivedAt())).orElse(t.get("aps.never"))),
                new Fact(t.get("ap.usage"), a.usage().sessions() + " / " + a.usage().users())), chart);
    }
}

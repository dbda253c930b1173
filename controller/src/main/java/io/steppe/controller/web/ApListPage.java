package io.steppe.controller.web;

import io.micronaut.core.annotation.Nullable;
import io.steppe.controller.alert.Alert;
import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.health.ApState;
import io.steppe.web.Texts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What {@code aps.jte} shows, in the reader's words: counts by state, open alerts, the map, and the table filtered by
 * state and site, the worst first and at most {@link #TABLE_ROWS} rows; {@code live} is the address of the same
 * content alone, which the page fetches again every few seconds.
 *
 * @param shown the table's rows
 * @param total how many APs the filter matched
 * @param query the filter as a query string ({@code state=DOWN&site=x}, perhaps empty), kept by the map's links and exports
 */
public record ApListPage(List<Count> counts, List<AlertLine> alerts, ApMap map, List<Option> states, List<Option> sites,
                         List<Row> shown, int total, String query) {

    public static final int TABLE_ROWS = 500;
    private static final List<ApState> WORST_FIRST = List.of(ApState.DOWN, ApState.UNREACHABLE, ApState.DEGRADED, ApState.UP, ApState.UNKNOWN);

    /** How many APs are in a state. */
    public record Count(String state, String text, int aps) {
    }

    /** A choice of a filter's list. */
    public record Option(String value, String text, boolean selected) {
    }

    /** One AP in the table. */
    public record Row(String id, String name, String site, String gateway, String state, String stateText, String reasons,
                      String clients, int users, int flaps, String lastHeartbeat) {
    }

    static ApListPage of(Map<String, ApSnapshot> snapshot, List<Alert> alerts, ApMap map, @Nullable String state, @Nullable String site, Texts t) {
        Collection<ApSnapshot> all = snapshot.values();
        Map<ApState, Integer> counts = new EnumMap<>(ApState.class);
        all.forEach(a -> counts.merge(a.state(), 1, Integer::sum));
        TreeSet<String> sites = new TreeSet<>();
        all.forEach(a -> a.ap().site().ifPresent(sites::add));
        List<ApSnapshot> rows = all.stream()
                .filter(a -> state == null || state.isEmpty() || a.state().name().equals(state))
                .filter(a -> site == null || site.isEmpty() || a.ap().site().filter(site::equals).isPresent())
                .sorted(Comparator.comparing((ApSnapshot a) -> -a.state().ordinal()).thenComparing(a -> a.ap().id())).toList();
        return new ApListPage(WORST_FIRST.stream().map(s -> new Count(s.name(), t.of(s), counts.getOrDefault(s, 0))).toList(),
                alerts.stream().map(a -> AlertLine.of(a, t, snapshot)).toList(), map,
                Arrays.stream(ApState.values()).map(s -> new Option(s.name(), t.of(s), s.name().equals(state))).toList(),
                sites.stream().map(s -> new Option(s, s, s.equals(site))).toList(),
                rows.subList(0, Math.min(rows.size(), TABLE_ROWS)).stream().map(a -> row(a, t)).toList(), rows.size(), query(state, site));
    }

    /** {@code state=…&site=…} of the filters set, encoded. */
    static String query(@Nullable String state, @Nullable String site) {
        StringBuilder q = new StringBuilder();
        if (state != null && !state.isEmpty()) {
            q.append("state=").append(URLEncoder.encode(state, StandardCharsets.UTF_8));
        }
        if (site != null && !site.isEmpty()) {
            q.append(q.length() == 0 ? "" : "&").append("site=").append(URLEncoder.encode(site, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    /** The address of the page with this filter and {@code more} (another query part, perhaps empty). */
    public String link(String path, String more) {
        String q = query.isEmpty() ? more : more.isEmpty() ? query : query + "&" + more;
        return q.isEmpty() ? path : path + "?" + q;
    }

    private static Row row(ApSnapshot a, Texts t) {
        ConsoleWords words = new ConsoleWords(t);
        return new Row(a.ap().id(), a.ap().name(), a.ap().site().orElse(""), a.ap().gateway().orElse(""), a.state().name(), t.of(a.state()),
                String.join("; ", a.condition().reasons().stream().map(r -> r.text(words)).toList()),
                a.latest().filter(r -> r.heartbeat().clients().isPresent()).map(r -> Integer.toString(r.heartbeat().clients().getAsInt())).orElse(""),
                a.usage().users(), a.flaps(), a.latest().map(r -> t.when(r.receivedAt())).orElse(t.get("aps.never")));
    }
}

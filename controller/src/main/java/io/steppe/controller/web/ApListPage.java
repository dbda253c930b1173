package io.steppe.controller.web;

import io.micronaut.core.annotation.Nullable;
import io.steppe.controller.alert.Alert;
import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.health.ApState;
import io.steppe.controller.health.Reason;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What {@code aps.jte} shows: counts by state, open alerts, the map, and the table filtered by state and site, the
 * worst first and at most {@link #TABLE_ROWS} rows.
 *
 * @param shown the table's rows
 * @param total how many APs the filter matched
 */
public record ApListPage(List<Count> counts, List<Alert> alerts, ApMap map, List<Option> states, List<Option> sites,
                         List<Row> shown, int total) {

    public static final int TABLE_ROWS = 500;
    private static final List<ApState> WORST_FIRST = List.of(ApState.DOWN, ApState.UNREACHABLE, ApState.DEGRADED, ApState.UP, ApState.UNKNOWN);

    /** How many APs are in a state. */
    public record Count(String state, int aps) {
    }

    /** A choice of a filter's list. */
    public record Option(String value, boolean selected) {
    }

    /** One AP in the table. */
    public record Row(String id, String name, String site, String gateway, String state, String reasons, String clients,
                      int users, int flaps, String lastHeartbeat) {
    }

    static ApListPage of(Collection<ApSnapshot> all, List<Alert> alerts, @Nullable String state, @Nullable String site) {
        Map<ApState, Integer> counts = new EnumMap<>(ApState.class);
        all.forEach(a -> counts.merge(a.state(), 1, Integer::sum));
        TreeSet<String> sites = new TreeSet<>();
        all.forEach(a -> a.ap().site().ifPresent(sites::add));
        List<ApSnapshot> rows = all.stream()
                .filter(a -> state == null || state.isEmpty() || a.state().name().equals(state))
                .filter(a -> site == null || site.isEmpty() || a.ap().site().filter(site::equals).isPresent())
                .sorted(Comparator.comparing((ApSnapshot a) -> -a.state().ordinal()).thenComparing(a -> a.ap().id())).toList();
        return new ApListPage(WORST_FIRST.stream().map(s -> new Count(s.name(), counts.getOrDefault(s, 0))).toList(), alerts,
                ApMap.of(all), java.util.Arrays.stream(ApState.values()).map(s -> new Option(s.name(), s.name().equals(state))).toList(),
                sites.stream().map(s -> new Option(s, s.equals(site))).toList(),
                rows.subList(0, Math.min(rows.size(), TABLE_ROWS)).stream().map(ApListPage::row).toList(), rows.size());
    }

    private static Row row(ApSnapshot a) {
        return new Row(a.ap().id(), a.ap().name(), a.ap().site().orElse(""), a.ap().gateway().orElse(""), a.state().name(),
                String.join("; ", a.condition().reasons().stream().map(Reason::text).toList()),
                a.latest().filter(r -> r.heartbeat().clients().isPresent()).map(r -> Integer.toString(r.heartbeat().clients().getAsInt())).orElse(""),
                a.usage().users(), a.flaps(), a.latest().map(r -> r.receivedAt().toString()).orElse("never"));
    }
}

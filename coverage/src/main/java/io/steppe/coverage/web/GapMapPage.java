package io.steppe.coverage.web;

import io.micronaut.core.annotation.Nullable;
import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.map.CityMap;
import io.steppe.web.ConsolePage.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code map.jte} shows: the operator switch, the map's zoom and pan, the gap map and what it leaves out, the
 * gaps most urgent first, and the downloads, every word in the reader's language.
 *
 * @param operators  the operator switch; the one shown has no link
 * @param view       zoom, pan and back to the whole city
 * @param leftOut    what lies outside the city's bounds and is not drawn, or null when nothing is
 * @param svg        the map as {@link io.steppe.coverage.map.GapMap} drew it, its text already escaped
 * @param downloads  the gap regions and the cells of the operator shown, each as CSV and as GeoJSON
 */
public record GapMapPage(String title, List<Link> operators, List<Link> view, @Nullable String leftOut, String svg, List<Row> gaps,
                         List<Download> downloads) {

    /** A gap in the list; {@code id} 0 for a cross-operator region, which has no page. {@code severityCode} and {@code confidenceCode} are its style. */
    public record Row(int rank, long id, boolean reappeared, String operator, String severityCode, String severity,
                      String confidenceCode, String confidence, String status, String priority, String areaKm2, String villages,
                      int people, String scenicSpots, String roadKm) {
    }

    /** One export in both formats. */
    public record Download(String what, String csv, String geoJson) {
    }

    /** The page for {@code gaps} (the whole list) around a map of {@code shown} (what is inside the city). */
    static GapMapPage of(PlannerWords w, String title, List<Gap> gaps, CityMap shown, String svg, List<Link> view, Set<String> operators,
                         Optional<String> selected, boolean withoutWifi) {
        List<Link> switches = new ArrayList<>();
        switches.add(choice(MapNavigation.href(Optional.empty(), false, Optional.empty()), w.t().get("coverage.operators.every"),
                selected.isEmpty()));
        for (String op : new TreeSet<>(operators)) {
            switches.add(choice(MapNavigation.href(Optional.of(op), false, Optional.empty()), w.operator(op),
                    selected.equals(Optional.of(op))));
        }
        switches.add(choice(MapNavigation.href(Optional.of("all"), false, Optional.empty()), w.t().get("coverage.operators.none"),
                selected.equals(Optional.of("all")) && !withoutWifi));
        switches.add(choice(MapNavigation.href(Optional.of("all"), true, Optional.empty()), w.t().get("coverage.operators.noneNorWifi"),
                withoutWifi));
        List<Row> rows = new ArrayList<>();
        for (Gap g : gaps) {
            rows.add(new Row(rows.size() + 1, g.id(), g.reappeared(), w.operator(g.operator()), g.severity(), w.severity(g.severity()),
                    g.confidence(), w.confidence(g.confidence()), w.status(g.status()), PlannerWords.figure(g.priority()), PlannerWords.figure(g.areaKm2()),
                    String.join(w.t().get("coverage.gap.list"), g.villages()), g.people(),
                    String.join(w.t().get("coverage.gap.list"), g.scenicSpots()), PlannerWords.figure(g.roadKm())));
        }
        String leftOut = shown.cellsLeftOut() + shown.gapsLeftOut() == 0 ? null
                : w.t().get("coverage.leftOut", shown.cellsLeftOut(), shown.gapsLeftOut());
        String gapsQuery = selected.map(o -> "operator=" + o + (withoutWifi ? "&wifi=exclude" : "")).orElse("");
        String cellsQuery = selected.filter(o -> !o.equals("all")).map(o -> "operator=" + o).orElse("");
        return new GapMapPage(title, switches, view, leftOut, svg, rows, List.of(
                download(w.t().get("coverage.download.gaps"), "/api/coverage/gaps", gapsQuery),
                download(w.t().get("coverage.download.cells"), "/api/coverage/cells", cellsQuery)));
    }

    private static Download download(String what, String path, String query) {
        String prefix = path + "?" + (query.isEmpty() ? "" : query + "&") + "format=";
        return new Download(what, prefix + "csv", prefix + "geojson");
    }

    private static Link choice(String href, String text, boolean current) {
        return current ? Link.here(text) : new Link(text, href);
    }
}

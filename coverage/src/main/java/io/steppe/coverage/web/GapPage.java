package io.steppe.coverage.web;

import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.gap.GapStatus;
import io.steppe.coverage.map.CoverageLayers;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code gap.jte} shows of one gap: its figures, its map, what it touches, its evidence by day and the
 * planner's decision, whose form carries the session's anti-forgery token; every word in the reader's language.
 *
 * @param svg the gap's map as {@link io.steppe.coverage.map.GapMap} drew it, its text already escaped
 */
public record GapPage(Gap gap, String title, String operator, String severity, String status, String figures, String confidence,
                      String villages,
                      String scenicSpots, String roads, String accessPoints, String svg, List<Day> days, List<Status> statuses,
                      String csrf) {

    /** Evidence of one day, and its bar: observations pale, bad ones red, both scaled to the busiest day's 200 px. */
    public record Day(String day, int observations, int bad, long samples, int observationsWidth, int badWidth) {
    }

    /** A decision the planner may take: its code, sent by the form, and its name. */
    public record Status(String value, String text, boolean selected) {
    }

    static GapPage of(PlannerWords w, Gap g, String svg, List<CoverageLayers.Day> days, String csrf) {
        int most = Math.max(1, days.stream().mapToInt(CoverageLayers.Day::observations).max().orElse(1));
        var t = w.t();
        String rsrp = g.medianRsrp() == null ? t.get("coverage.gap.noService") : t.get("coverage.gap.rsrp", g.medianRsrp());
        return new GapPage(g, t.get("coverage.gap.title", g.id()), w.operator(g.operator()), w.severity(g.severity()), w.status(g.status()),
                t.get("coverage.gap.figures", g.cells(), PlannerWords.figure(g.areaKm2()), g.observations(), g.samples(), rsrp,
                        PlannerWords.figure(g.priority())),
                t.get("coverage.gap.confidence", w.confidence(g.confidence()), String.format(java.util.Locale.ROOT, "%.2g", g.qValue())),
                t.get("coverage.gap.villages", w.list(g.villages()), g.people()), t.get("coverage.gap.scenic", w.list(g.scenicSpots())),
                t.get("coverage.gap.roads", PlannerWords.figure(g.roadKm())), t.get("coverage.gap.aps", g.accessPoints()), svg,
                days.stream().map(d -> new Day(d.day().toString(), d.observations(), d.bad(), d.samples(), 200 * d.observations() / most,
                        200 * d.bad() / most)).toList(),
                Arrays.stream(GapStatus.values()).map(s -> new Status(s.value(), t.of(s), s.value().equals(g.status()))).toList(), csrf);
    }
}

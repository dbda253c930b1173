package io.steppe.coverage.web;

import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.gap.GapStatus;
import io.steppe.coverage.map.CoverageLayers;
import java.util.Arrays;
import java.util.List;

/**
 * What {@code gap.jte} shows of one gap: its figures, its map, what it touches, its evidence by day and the
 * planner's decision, whose form carries the session's anti-forgery token.
 *
 * @param svg the gap's map as {@link io.steppe.coverage.map.GapMap} drew it, its text already escaped
 */
public record GapPage(Gap gap, String operatorName, String areaKm2, String priority, String roadKm, String medianRsrp, String svg,
                      List<Day> days, List<Status> statuses, String csrf) {

    /** Evidence of one day, and its bar: observations pale, bad ones red, both scaled to the busiest day's 200 px. */
    public record Day(String day, int observations, int bad, long samples, int observationsWidth, int badWidth) {
    }

    /** A decision the planner may take. */
    public record Status(String value, boolean selected) {
    }

    static GapPage of(Gap g, String svg, List<CoverageLayers.Day> days, String csrf) {
        int most = Math.max(1, days.stream().mapToInt(CoverageLayers.Day::observations).max().orElse(1));
        return new GapPage(g, GapMapPage.operatorName(g.operator()), GapMapPage.figure(g.areaKm2()), GapMapPage.figure(g.priority()),
                GapMapPage.figure(g.roadKm()), g.medianRsrp() == null ? "— (no service)" : g.medianRsrp() + " dBm", svg,
                days.stream().map(d -> new Day(d.day().toString(), d.observations(), d.bad(), d.samples(), 200 * d.observations() / most,
                        200 * d.bad() / most)).toList(),
                Arrays.stream(GapStatus.values()).map(s -> new Status(s.value(), s.value().equals(g.status()))).toList(), csrf);
    }
}

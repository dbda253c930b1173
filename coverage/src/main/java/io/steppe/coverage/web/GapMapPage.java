package io.steppe.coverage.web;

import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.map.CoverageLayers;
import io.steppe.web.ConsolePage.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code map.jte} shows: the operator switch, the gap map, the gaps most urgent first, and the same as GeoJSON.
 *
 * @param operators the operator switch; the one shown has no link
 * @param svg       the map as {@link io.steppe.coverage.map.GapMap} drew it, its text already escaped
 */
public record GapMapPage(String title, List<Link> operators, String svg, List<Row> gaps, String gapsGeoJson, String cellsGeoJson) {

    /** A gap in the list; {@code id} 0 for a cross-operator region, which has no page. */
    public record Row(int rank, long id, boolean reappeared, String operator, String severity, String status, String priority,
                      String areaKm2, String villages, int people, String scenicSpots, String roadKm) {
    }

    static GapMapPage of(CoverageLayers.MapData data, String svg, Set<String> operators, Optional<String> selected, boolean withoutWifi) {
        List<Link> switches = new ArrayList<>();
        switches.add(choice("/console/coverage", "every operator", selected.isEmpty()));
        for (String op : new TreeSet<>(operators)) {
            switches.add(choice("/console/coverage?operator=" + op, op + " " + operatorName(op), selected.equals(Optional.of(op))));
        }
        switches.add(choice("/console/coverage?operator=all", "no operator covers", selected.equals(Optional.of("all")) && !withoutWifi));
        switches.add(choice("/console/coverage?operator=all&wifi=exclude", "… nor Steppe Wi-Fi", withoutWifi));
        List<Row> rows = new ArrayList<>();
        for (Gap g : data.gaps()) {
            rows.add(new Row(rows.size() + 1, g.id(), g.reappeared(), g.operator(), g.severity(), g.status(), figure(g.priority()),
                    figure(g.areaKm2()), String.join(", ", g.villages()), g.people(), String.join(", ", g.scenicSpots()), figure(g.roadKm())));
        }
        return new GapMapPage(data.title(), switches, svg, rows, "/api/coverage/gaps" + selected.map(o -> "?operator=" + o).orElse(""),
                "/api/coverage/cells" + selected.filter(o -> !o.equals("all")).map(o -> "?operator=" + o).orElse(""));
    }

    private static Link choice(String href, String text, boolean current) {
        return current ? Link.here(text) : new Link(text, href);
    }

    /** The operator's name for an MCC-MNC of mainland China, else nothing. */
    static String operatorName(String operator) {
        return switch (operator) {
            case "46000", "46002", "46004", "46007", "46008" -> "China Mobile";
            case "46001", "46006", "46009" -> "China Unicom";
            case "46003", "46005", "46011" -> "China Telecom";
            default -> "";
        };
    }

    /** At most two decimals, no trailing zeros. */
    static String figure(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }
}

package io.steppe.coverage.web;

import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.gap.GapStatus;
import io.steppe.coverage.map.CoverageLayers;
import io.steppe.coverage.map.Markup;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * HTML of the planners' pages: self-contained (inline SVG, Steppe's own stylesheet, no script, no external asset),
 * since the operations network may be closed. Layers are switched with checkboxes and CSS alone. The stylesheet is
 * a file ({@link PlannerAssets}), never inline, so that the console's Content-Security-Policy can forbid inline styles.
 */
final class PlannerPages {

    /** Where {@link #STYLE} is served. */
    static final String STYLESHEET = "/console/assets/coverage/style.css";
    static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1c1e21}
            header{background:#203040;color:#fff;padding:.75rem 1.25rem}header a{color:#cde}
            main{padding:1rem 1.25rem}nav a{margin-right:.75rem}
            table{border-collapse:collapse;background:#fff;margin-top:1rem}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left}
            .error{color:#b00020}svg{background:#fff;max-width:100%;height:auto;border:1px solid #ccc}
            .layers label{margin-right:1rem}
            body:has(#show-unmeasured:not(:checked)) .cell-unmeasured{display:none}
            body:has(#show-uncertain:not(:checked)) .cell-uncertain{display:none}
            body:has(#show-covered:not(:checked)) .cell-covered{display:none}
            body:has(#show-villages:not(:checked)) :is(.village,.village-name){display:none}
            .none{color:#b30000;font-weight:600}.poor{color:#b34700}
            """;

    private PlannerPages() {
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + "</title><link rel=\"stylesheet\" href=\"" + STYLESHEET + "\"></head><body><header><strong>Steppe console</strong> · "
                + "<a href=\"/console/\">home</a> · <a href=\"/console/coverage\">gap map</a></header><main>" + body + "</main></body></html>";
    }

    static String mapPage(CoverageLayers.MapData data, String svg, Set<String> operators, Optional<String> selected, boolean withoutWifi) {
        StringBuilder b = new StringBuilder("<h1>").append(escape(data.title())).append("</h1><nav id=\"operators\">Operator: ");
        b.append(link("/console/coverage", "every operator", selected.isEmpty()));
        for (String op : new TreeSet<>(operators)) {
            b.append(link("/console/coverage?operator=" + op, op + " " + name(op), selected.equals(Optional.of(op))));
        }
        b.append(link("/console/coverage?operator=all", "no operator covers", selected.equals(Optional.of("all")) && !withoutWifi));
        b.append(link("/console/coverage?operator=all&amp;wifi=exclude", "… nor Steppe Wi-Fi", withoutWifi));
        b.append("</nav><p class=\"layers\">Layers: ")
                .append("<label><input type=\"checkbox\" id=\"show-covered\" checked> covered</label>")
                .append("<label><input type=\"checkbox\" id=\"show-uncertain\" checked> uncertain (send a drive test)</label>")
                .append("<label><input type=\"checkbox\" id=\"show-unmeasured\" checked> unmeasured</label>")
                .append("<label><input type=\"checkbox\" id=\"show-villages\" checked> villages</label></p>");
        b.append(svg);
        b.append("<h2>Gaps, most urgent first</h2><table id=\"gap-list\"><thead><tr><th>#</th><th>gap</th><th>operator</th>"
                + "<th>severity</th><th>status</th><th>priority</th><th>km²</th><th>villages</th><th>people</th><th>scenic spots</th>"
                + "<th>road km</th></tr></thead><tbody>");
        int rank = 0;
        for (Gap g : data.gaps()) {
            b.append("<tr><td>").append(++rank).append("</td><td>")
                    .append(g.id() > 0 ? "<a href=\"/console/coverage/gaps/" + g.id() + "\">#" + g.id() + "</a>" : "—")
                    .append(g.reappeared() ? " ⚠ reappeared" : "").append("</td><td>").append(escape(g.operator()))
                    .append("</td><td class=\"").append(g.severity()).append("\">").append(g.severity()).append("</td><td>")
                    .append(g.status()).append("</td><td>").append(fmt(g.priority())).append("</td><td>").append(fmt(g.areaKm2()))
                    .append("</td><td>").append(escape(String.join(", ", g.villages()))).append("</td><td>").append(g.people())
                    .append("</td><td>").append(escape(String.join(", ", g.scenicSpots()))).append("</td><td>").append(fmt(g.roadKm()))
                    .append("</td></tr>");
        }
        if (data.gaps().isEmpty()) {
            b.append("<tr><td colspan=\"11\">No gap proven by the samples so far.</td></tr>");
        }
        b.append("</tbody></table><p>GeoJSON for QGIS: <a href=\"/api/coverage/gaps").append(selected.map(o -> "?operator=" + o).orElse(""))
                .append("\">gap regions</a>, <a href=\"/api/coverage/cells").append(selected.filter(o -> !o.equals("all")).map(o -> "?operator=" + o).orElse(""))
                .append("\">cells</a>.</p>");
        return page(data.title(), b.toString());
    }

    static String gapPage(Gap g, String svg, List<CoverageLayers.Day> days, String csrf) {
        StringBuilder b = new StringBuilder("<h1>Gap #").append(g.id()).append(" · ").append(escape(g.operator())).append(" ")
                .append(name(g.operator())).append("</h1>");
        if (g.reappeared()) {
            b.append("<p class=\"error\">Marked resolved, but newer samples show this gap again.</p>");
        }
        b.append("<p>Severity <span class=\"").append(g.severity()).append("\">").append(g.severity()).append("</span>, ")
                .append(g.cells()).append(" cells, ").append(fmt(g.areaKm2())).append(" km², ").append(g.observations())
                .append(" observations from ").append(g.samples()).append(" samples, median RSRP ")
                .append(g.medianRsrp() == null ? "— (no service)" : g.medianRsrp() + " dBm").append(", priority ")
                .append(fmt(g.priority())).append(".</p>");
        b.append(svg);
        b.append("<h2>What it touches</h2><ul id=\"touches\"><li>Villages: ").append(escape(g.villages().isEmpty() ? "none" : String.join(", ", g.villages())))
                .append(" (").append(g.people()).append(" people)</li><li>Scenic spots: ")
                .append(escape(g.scenicSpots().isEmpty() ? "none" : String.join(", ", g.scenicSpots()))).append("</li><li>Roads: ")
                .append(fmt(g.roadKm())).append(" km</li><li>Steppe Wi-Fi APs nearby: ").append(g.accessPoints()).append("</li></ul>");
        b.append("<h2>Evidence by day</h2><table id=\"days\"><thead><tr><th>day</th><th>observations</th><th>bad</th><th>samples</th><th></th></tr></thead><tbody>");
        int most = days.stream().mapToInt(CoverageLayers.Day::observations).max().orElse(1);
        for (CoverageLayers.Day d : days) {
            b.append("<tr><td>").append(d.day()).append("</td><td>").append(d.observations()).append("</td><td>").append(d.bad())
                    .append("</td><td>").append(d.samples()).append("</td><td><svg width=\"200\" height=\"10\"><rect width=\"")
                    .append(200 * d.observations() / most).append("\" height=\"10\" fill=\"#9fd4a3\"/><rect width=\"")
                    .append(200 * d.bad() / most).append("\" height=\"10\" fill=\"#d7301f\"/></svg></td></tr>");
        }
        b.append("</tbody></table><h2>Decision</h2><p>Status: <strong id=\"status\">").append(g.status()).append("</strong>")
                .append(g.note() == null ? "" : " — " + escape(g.note())).append("</p>")
                .append("<form method=\"post\" action=\"/console/coverage/gaps/").append(g.id()).append("/status\"><input type=\"hidden\" name=\"csrf\" value=\"")
                .append(escape(csrf)).append("\"><select name=\"status\">");
        for (GapStatus s : GapStatus.values()) {
            b.append("<option").append(s.value().equals(g.status()) ? " selected" : "").append('>').append(s.value()).append("</option>");
        }
        b.append("</select> <input name=\"note\" placeholder=\"note (required to dismiss)\" size=\"40\"> <button type=\"submit\">Save</button></form>")
                .append("<p><a href=\"/api/coverage/gaps/").append(g.id()).append("\">GeoJSON of this gap</a></p>");
        return page("Gap #" + g.id(), b.toString());
    }

    private static String link(String href, String text, boolean current) {
        return current ? "<strong>" + escape(text) + "</strong> " : "<a href=\"" + href + "\">" + escape(text) + "</a> ";
    }

    private static String name(String operator) {
        return switch (operator) {
            case "46000", "46002", "46004", "46007", "46008" -> "China Mobile";
            case "46001", "46006", "46009" -> "China Unicom";
            case "46003", "46005", "46011" -> "China Telecom";
            default -> "";
        };
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }

    static String escape(String text) {
        return Markup.escape(text);
    }
}

package io.steppe.controller.web;

import io.steppe.controller.health.ApState;
import io.steppe.controller.history.History;
import io.steppe.controller.history.HistoryPoint;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An AP's history as inline SVG: clients (line) and channel utilisation (dashed, right axis) over the range, and a
 * band under them coloured by the state it was in.
 */
final class HistoryChart {

    private static final int W = 900;
    private static final int H = 260;
    private static final int LEFT = 45;
    private static final int RIGHT = 45;
    private static final int TOP = 15;
    private static final int PLOT = 190;

    private HistoryChart() {
    }

    static String svg(History h) {
        double span = Math.max(1, h.to().toEpochMilli() - h.from().toEpochMilli());
        double maxClients = Math.max(5, h.points().stream().filter(p -> p.clients() != null).mapToDouble(p -> p.clients()).max().orElse(5));
        StringBuilder out = new StringBuilder("<svg id=\"history\" viewBox=\"0 0 " + W + " " + H
                + "\" role=\"img\" aria-label=\"Clients, channel utilisation and state over time\">");
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fff\" stroke=\"#ccd\"/>",
                LEFT, TOP, W - LEFT - RIGHT, PLOT));
        out.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"11\">%.0f</text><text x=\"4\" y=\"%d\" font-size=\"11\">0</text>",
                TOP + 10, maxClients, TOP + PLOT));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">100 %%</text>", W - RIGHT + 4, TOP + 10));
        out.append(line(h, span, maxClients, false)).append(line(h, span, 1.0, true));
        List<History.StateChange> changes = h.changes();
        for (int i = 0; i < changes.size(); i++) {
            Instant start = changes.get(i).at().isBefore(h.from()) ? h.from() : changes.get(i).at();
            Instant end = i + 1 < changes.size() ? changes.get(i + 1).at() : h.to();
            double x0 = x(start, h, span);
            double x1 = x(end, h, span);
            String colour = ApMap.COLOURS.get(ApState.valueOf(changes.get(i).to()));
            out.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\"><title>%s from %s</title></rect>",
                    x0, TOP + PLOT + 8, Math.max(1, x1 - x0), colour, changes.get(i).to(), start));
        }
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", LEFT, H - 8, h.from()));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s (%s)</text>", W - RIGHT, H - 8,
                h.to(), h.resolution()));
        return out.append("</svg>").toString();
    }

    private static String line(History h, double span, double max, boolean utilisation) {
        StringBuilder points = new StringBuilder();
        for (HistoryPoint p : h.points()) {
            Float v = utilisation ? p.channelUtilization() : p.clients();
            if (v != null) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p.at(), h, span), TOP + PLOT - Math.min(1, v / max) * PLOT));
            }
        }
        return "<polyline fill=\"none\" stroke=\"" + (utilisation ? "#f0a000\" stroke-dasharray=\"5 3" : "#1565c0")
                + "\" stroke-width=\"1.5\" points=\"" + points + "\"><title>" + (utilisation ? "channel utilisation" : "clients")
                + "</title></polyline>";
    }

    private static double x(Instant t, History h, double span) {
        return LEFT + (t.toEpochMilli() - h.from().toEpochMilli()) / span * (W - LEFT - RIGHT);
    }
}

package io.steppe.controller.web;

import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.health.ApState;
import io.steppe.controller.history.History;
import io.steppe.controller.history.HistoryPoint;
import io.steppe.web.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An AP's history as {@code chart.jte} draws it: clients (line) and channel utilisation (dashed, right axis) over the
 * range, and a band under them coloured by the state it was in. The stored changes draw the bands up to the AP's
 * committed state, which draws the last one from the snapshot the page's header reads, so the two never disagree.
 * Here the figures become coordinates, as strings with one decimal; the frame's size is in the constants, which the
 * template reads too.
 *
 * @param clientsTop the figure at the top of the clients' axis
 * @param clients    an SVG polyline's {@code points}
 * @param utilisation the same for channel utilisation, 100 % at the top
 */
public record HistoryChart(String clientsTop, String clients, String utilisation, List<Band> bands, String from, String to) {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 260;
    public static final int LEFT = 45;
    public static final int RIGHT = 45;
    public static final int TOP = 15;
    public static final int PLOT = 190;

    /** Where the AP was in one state (its code, for the colour), and the tooltip that says so. */
    public record Band(String x, String width, String state, String colour, String title) {
    }

    private record Span(Instant start, ApState state) {
    }

    static HistoryChart of(History h, ApSnapshot now, Texts t) {
        double span = Math.max(1, h.to().toEpochMilli() - h.from().toEpochMilli());
        Function<Instant, Double> x = at -> LEFT + (at.toEpochMilli() - h.from().toEpochMilli()) / span * (WIDTH - LEFT - RIGHT);
        double maxClients = Math.max(5, h.points().stream().filter(p -> p.clients() != null).mapToDouble(p -> p.clients()).max().orElse(5));
        List<Span> spans = new ArrayList<>();
        for (History.StateChange c : h.changes()) {
            if (c.at().isBefore(now.since())) {
                spans.add(new Span(c.at().isBefore(h.from()) ? h.from() : c.at(), ApState.valueOf(c.to())));
            }
        }
        spans.add(new Span(now.since().isBefore(h.from()) ? h.from() : now.since(), now.state()));
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            Instant end = i + 1 < spans.size() ? spans.get(i + 1).start() : h.to();
            double x0 = x.apply(s.start());
            bands.add(new Band(ApMap.number(x0), ApMap.number(Math.max(1, x.apply(end) - x0)), s.state().name(), ApMap.COLOURS.get(s.state()),
                    t.get("chart.band", t.of(s.state()), t.time(s.start()))));
        }
        return new HistoryChart(String.format(Locale.ROOT, "%.0f", maxClients), line(h, x, maxClients, HistoryPoint::clients),
                line(h, x, 1.0, HistoryPoint::channelUtilization), bands, t.time(h.from()), t.time(h.to()));
    }

    private static String line(History h, Function<Instant, Double> x, double max, Function<HistoryPoint, Float> figure) {
        StringBuilder points = new StringBuilder();
        for (HistoryPoint p : h.points()) {
            Float v = figure.apply(p);
            if (v != null) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.apply(p.at()), TOP + PLOT - Math.min(1, v / max) * PLOT));
            }
        }
        return points.toString();
    }
}

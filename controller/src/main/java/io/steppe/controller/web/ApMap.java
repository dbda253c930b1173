package io.steppe.controller.web;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.health.ApState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The AP map as inline SVG, drawn from the inventory alone (no tiles, works offline): each site's outline (the
 * convex hull of its APs, padded) with its name, and each AP as a dot coloured by state linking to its page.
 */
final class ApMap {

    static final Map<ApState, String> COLOURS = Map.of(ApState.UP, "#2e9d4f", ApState.DEGRADED, "#f0a000", ApState.DOWN, "#d32f2f",
            ApState.UNREACHABLE, "#8e24aa", ApState.UNKNOWN, "#90a0b0");
    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final int PAD = 30;

    private record Point(double x, double y) {
    }

    private ApMap() {
    }

    static String svg(Collection<ApSnapshot> aps) {
        List<ApSnapshot> placed = aps.stream().filter(a -> a.ap().location().isPresent()).toList();
        if (placed.isEmpty()) {
            return "<p class=\"muted\">No AP has coordinates yet (steppe ap add --lat --lon).</p>";
        }
        double minLat = placed.stream().mapToDouble(a -> a.ap().location().get().latitude()).min().orElseThrow();
        double maxLat = placed.stream().mapToDouble(a -> a.ap().location().get().latitude()).max().orElseThrow();
        double minLon = placed.stream().mapToDouble(a -> a.ap().location().get().longitude()).min().orElseThrow();
        double maxLon = placed.stream().mapToDouble(a -> a.ap().location().get().longitude()).max().orElseThrow();
        double kx = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max((maxLon - minLon) * kx, 1e-4);
        double spanY = Math.max(maxLat - minLat, 1e-4);
        double scale = Math.min((WIDTH - 2 * PAD) / spanX, (HEIGHT - 2 * PAD) / spanY);
        java.util.function.Function<AccessPoint.Location, Point> project = l -> new Point(
                PAD + (l.longitude() - minLon) * kx * scale, HEIGHT - PAD - (l.latitude() - minLat) * scale);
        StringBuilder out = new StringBuilder("<svg id=\"ap-map\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT
                + "\" role=\"img\" aria-label=\"Map of access points coloured by state\">");
        Map<String, List<Point>> sites = new LinkedHashMap<>();
        for (ApSnapshot a : placed) {
            a.ap().site().ifPresent(s -> sites.computeIfAbsent(s, k -> new ArrayList<>()).add(project.apply(a.ap().location().get())));
        }
        sites.forEach((site, points) -> {
            List<Point> hull = hull(points);
            out.append("<polygon points=\"");
            double cx = points.stream().mapToDouble(Point::x).average().orElse(0);
            double cy = points.stream().mapToDouble(Point::y).average().orElse(0);
            for (Point p : hull.size() < 3 ? List.<Point>of() : hull) {
                double dx = p.x() - cx;
                double dy = p.y() - cy;
                double d = Math.max(Math.hypot(dx, dy), 1e-9);
                out.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.x() + dx / d * 12, p.y() + dy / d * 12));
            }
            if (hull.size() < 3) {
                out.append(String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f %.1f,%.1f", cx - 14, cy - 14, cx + 14, cy - 14, cx, cy + 16));
            }
            double top = points.stream().mapToDouble(Point::y).min().orElse(cy);
            out.append("\" fill=\"#dfe8d5\" stroke=\"#8aa080\" stroke-dasharray=\"4 3\"/>")
                    .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#405040\" text-anchor=\"middle\">",
                            cx, Math.max(12, top - 16))).append(ApPages.escape(site)).append("</text>");
        });
        double r = placed.size() > 2000 ? 2 : 5;
        for (ApSnapshot a : placed) {
            Point p = project.apply(a.ap().location().get());
            out.append("<a href=\"/console/aps/").append(ApPages.escape(a.ap().id())).append("\"><circle data-id=\"")
                    .append(ApPages.escape(a.ap().id())).append(String.format(Locale.ROOT, "\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.0f\" fill=\"%s\">",
                            p.x(), p.y(), r, COLOURS.get(a.state())))
                    .append("<title>").append(ApPages.escape(a.ap().id() + " " + a.state() + (a.condition().reasons().isEmpty() ? ""
                            : ": " + a.condition().reasons().get(0).text()))).append("</title></circle></a>");
        }
        return out.append("</svg>").toString();
    }

    /** Andrew's monotone chain. */
    private static List<Point> hull(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::x).thenComparingDouble(Point::y));
        if (sorted.size() < 3) {
            return sorted;
        }
        List<Point> lower = new ArrayList<>();
        for (Point p : sorted) {
            while (lower.size() >= 2 && cross(lower.get(lower.size() - 2), lower.get(lower.size() - 1), p) <= 0) {
                lower.remove(lower.size() - 1);
            }
            lower.add(p);
        }
        List<Point> upper = new ArrayList<>();
        for (int i = sorted.size() - 1; i >= 0; i--) {
            Point p = sorted.get(i);
            while (upper.size() >= 2 && cross(upper.get(upper.size() - 2), upper.get(upper.size() - 1), p) <= 0) {
                upper.remove(upper.size() - 1);
            }
            upper.add(p);
        }
        lower.remove(lower.size() - 1);
        upper.remove(upper.size() - 1);
        lower.addAll(upper);
        return lower;
    }

    private static double cross(Point o, Point a, Point b) {
        return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
    }
}

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
import java.util.function.Function;

/**
 * The AP map, drawn from the inventory alone (no tiles, works offline) by {@code map.jte}: each site's outline (the
 * convex hull of its APs, padded) with its name, and each AP as a dot coloured by state linking to its page. Here
 * the projection and the outlines are worked out; coordinates are strings with one decimal, as SVG takes them.
 *
 * @param dots empty when no AP has coordinates
 */
public record ApMap(List<Site> sites, List<Dot> dots) {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 520;
    static final Map<ApState, String> COLOURS = Map.of(ApState.UP, "#2e9d4f", ApState.DEGRADED, "#f0a000", ApState.DOWN, "#d32f2f",
            ApState.UNREACHABLE, "#8e24aa", ApState.UNKNOWN, "#90a0b0");
    private static final int PAD = 30;

    /** A site's outline ({@code points} of an SVG polygon) and where its name goes. */
    public record Site(String name, String points, String labelX, String labelY) {
    }

    /** An AP: its id, where it is, the dot's radius and colour, and the tooltip naming its state and first reason. */
    public record Dot(String id, String x, String y, String r, String colour, String title) {
    }

    private record Point(double x, double y) {
    }

    static ApMap of(Collection<ApSnapshot> aps) {
        List<ApSnapshot> placed = aps.stream().filter(a -> a.ap().location().isPresent()).toList();
        if (placed.isEmpty()) {
            return new ApMap(List.of(), List.of());
        }
        double minLat = placed.stream().mapToDouble(a -> a.ap().location().get().latitude()).min().orElseThrow();
        double maxLat = placed.stream().mapToDouble(a -> a.ap().location().get().latitude()).max().orElseThrow();
        double minLon = placed.stream().mapToDouble(a -> a.ap().location().get().longitude()).min().orElseThrow();
        double maxLon = placed.stream().mapToDouble(a -> a.ap().location().get().longitude()).max().orElseThrow();
        double kx = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max((maxLon - minLon) * kx, 1e-4);
        double spanY = Math.max(maxLat - minLat, 1e-4);
        double scale = Math.min((WIDTH - 2 * PAD) / spanX, (HEIGHT - 2 * PAD) / spanY);
        Function<AccessPoint.Location, Point> project = l -> new Point(
                PAD + (l.longitude() - minLon) * kx * scale, HEIGHT - PAD - (l.latitude() - minLat) * scale);
        Map<String, List<Point>> bySite = new LinkedHashMap<>();
        for (ApSnapshot a : placed) {
            a.ap().site().ifPresent(s -> bySite.computeIfAbsent(s, k -> new ArrayList<>()).add(project.apply(a.ap().location().get())));
        }
        List<Site> sites = new ArrayList<>();
        bySite.forEach((site, points) -> sites.add(site(site, points)));
        String r = placed.size() > 2000 ? "2" : "5";
        List<Dot> dots = new ArrayList<>();
        for (ApSnapshot a : placed) {
            Point p = project.apply(a.ap().location().get());
            dots.add(new Dot(a.ap().id(), number(p.x()), number(p.y()), r, COLOURS.get(a.state()), a.ap().id() + " " + a.state()
                    + (a.condition().reasons().isEmpty() ? "" : ": " + a.condition().reasons().get(0).text())));
        }
        return new ApMap(sites, dots);
    }

    /** The hull pushed 12 px out from the site's centre; a site of one or two APs gets a small triangle instead. */
    private static Site site(String name, List<Point> points) {
        double cx = points.stream().mapToDouble(Point::x).average().orElse(0);
        double cy = points.stream().mapToDouble(Point::y).average().orElse(0);
        StringBuilder outline = new StringBuilder();
        List<Point> hull = hull(points);
        if (hull.size() < 3) {
            outline.append(String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f %.1f,%.1f", cx - 14, cy - 14, cx + 14, cy - 14, cx, cy + 16));
        } else {
            for (Point p : hull) {
                double dx = p.x() - cx;
                double dy = p.y() - cy;
                double d = Math.max(Math.hypot(dx, dy), 1e-9);
                outline.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.x() + dx / d * 12, p.y() + dy / d * 12));
            }
        }
        double top = points.stream().mapToDouble(Point::y).min().orElse(cy);
        return new Site(name, outline.toString().trim(), number(cx), number(Math.max(12, top - 16)));
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
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

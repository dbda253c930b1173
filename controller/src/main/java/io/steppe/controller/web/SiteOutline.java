package io.steppe.controller.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A site's outline on the AP map: the convex hull of its APs pushed 12 px out; one or two APs get a small triangle. */
final class SiteOutline {

    private SiteOutline() {
    }

    /** The outline as an SVG polygon's {@code points}, from the APs' positions in the frame ({x, y} each). */
    static String points(List<double[]> points) {
        double cx = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double cy = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
        StringBuilder outline = new StringBuilder();
        List<double[]> hull = hull(points);
        if (hull.size() < 3) {
            outline.append(String.format(Locale.ROOT, "%.1f,%.1f %.1f,%.1f %.1f,%.1f", cx - 14, cy - 14, cx + 14, cy - 14, cx, cy + 16));
        } else {
            for (double[] p : hull) {
                double dx = p[0] - cx;
                double dy = p[1] - cy;
                double d = Math.max(Math.hypot(dx, dy), 1e-9);
                outline.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0] + dx / d * 12, p[1] + dy / d * 12));
            }
        }
        return outline.toString().trim();
    }

    /** Andrew's monotone chain. */
    private static List<double[]> hull(List<double[]> points) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
        if (sorted.size() < 3) {
            return sorted;
        }
        List<double[]> lower = half(sorted);
        List<double[]> reversed = new ArrayList<>(sorted);
        java.util.Collections.reverse(reversed);
        List<double[]> upper = half(reversed);
        lower.remove(lower.size() - 1);
        upper.remove(upper.size() - 1);
        lower.addAll(upper);
        return lower;
    }

    private static List<double[]> half(List<double[]> sorted) {
        List<double[]> chain = new ArrayList<>();
        for (double[] p : sorted) {
            while (chain.size() >= 2 && cross(chain.get(chain.size() - 2), chain.get(chain.size() - 1), p) <= 0) {
                chain.remove(chain.size() - 1);
            }
            chain.add(p);
        }
        return chain;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}

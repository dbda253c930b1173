package io.steppe.controller.web;

import io.steppe.controller.health.ApSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the sites' names on the AP map greedily: each name, the largest sites first, takes the first of a few spots
 * around its APs (above, below, right, left) where it overlaps no name already placed and stays in the frame; a name
 * with no such spot is left out rather than drawn over another.
 */
final class ApMapLabels {

    /** Rough text metrics at the template's 12 px: Latin letters about 7 px wide, Chinese characters 12. */
    private static final double HEIGHT = 14;

    private record Box(double x0, double y0, double x1, double y1) {
        boolean overlaps(Box o) {
            return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
        }
    }

    private ApMapLabels() {
    }

    static List<ApMap.Label> place(List<ApSnapshot> shown, ApMap.View view, int markerSize) {
        Map<String, List<double[]>> bySite = new LinkedHashMap<>();
        for (ApSnapshot a : shown) {
            a.ap().site().ifPresent(s -> {
                var p = view.project(a.ap().location().get().latitude(), a.ap().location().get().longitude());
                bySite.computeIfAbsent(s, k -> new ArrayList<>()).add(new double[] {p.x(), p.y()});
            });
        }
        List<Map.Entry<String, List<double[]>>> sites = new ArrayList<>(bySite.entrySet());
        sites.sort((a, b) -> b.getValue().size() - a.getValue().size());
        List<Box> taken = new ArrayList<>();
        List<ApMap.Label> labels = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> site : sites) {
            List<double[]> points = site.getValue();
            double cx = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
            double top = points.stream().mapToDouble(p -> p[1]).min().orElse(0);
            double bottom = points.stream().mapToDouble(p -> p[1]).max().orElse(0);
            double left = points.stream().mapToDouble(p -> p[0]).min().orElse(0);
            double right = points.stream().mapToDouble(p -> p[0]).max().orElse(0);
            double cy = (top + bottom) / 2;
            double w = width(site.getKey());
            double gap = markerSize;
            // centre x and baseline y of each spot, in order of preference
            double[][] spots = {{cx, top - gap}, {cx, bottom + gap + HEIGHT}, {right + gap + w / 2, cy + HEIGHT / 2}, {left - gap - w / 2, cy + HEIGHT / 2}};
            for (double[] spot : spots) {
                Box box = new Box(spot[0] - w / 2, spot[1] - HEIGHT, spot[0] + w / 2, spot[1] + 2);
                if (box.x0() >= 0 && box.x1() <= ApMap.WIDTH && box.y0() >= 0 && box.y1() <= ApMap.HEIGHT
                        && taken.stream().noneMatch(box::overlaps)) {
                    taken.add(box);
                    labels.add(new ApMap.Label(site.getKey(), ApMap.number(spot[0]), ApMap.number(spot[1])));
                    break;
                }
            }
        }
        return labels;
    }

    static double width(String text) {
        return text.codePoints().mapToDouble(c -> c < 0x2E80 ? 7 : 12).sum();
    }
}

package io.steppe.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ControllerConfig;
import io.steppe.controller.ap.AccessPoint;
import io.steppe.db.net.MacAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AP map fitted to the city's APs whatever strays outside it, moved by links, its names kept apart. */
class ApMapTest {

    @TempDir
    Path home;

    @Test
    void anApInIrelandIsCountedNotShownAndTheCityFillsTheMap() {
        try (ControllerHarness h = new ControllerHarness(home, ControllerConfig.defaults())) {
            place(h, "jn-01", 1, "Jining square", 41.030, 113.100);
            place(h, "jn-02", 2, "Jining station", 41.000, 113.160);
            place(h, "jn-03", 3, "Huitengxile", 41.060, 113.200);
            place(h, "stray", 4, "Typo", 53.35, -6.26);
            place(h, "stray-2", 5, "Typo 2", 0.0, 0.0);
            h.evaluate();

            String page = h.get("/console/aps").body();
            assertTrue(page.contains("<p class=\"muted\" id=\"map-outside\">2 APs outside the city are not shown.</p>"), page);
            assertFalse(page.contains("<circle data-id=\"stray"), page);
            List<double[]> dots = dots(page);
            assertEquals(3, dots.size(), page);
            double width = dots.stream().mapToDouble(d -> d[0]).max().orElseThrow() - dots.stream().mapToDouble(d -> d[0]).min().orElseThrow();
            double height = dots.stream().mapToDouble(d -> d[1]).max().orElseThrow() - dots.stream().mapToDouble(d -> d[1]).min().orElseThrow();
            assertTrue(width > 450 && height > 400, "the three city APs spread across the 900 × 520 px map, not squeezed: " + width + " × " + height);

            assertTrue(h.get("/console/aps", "zh-CN,zh").body().contains("城市范围以外的 2 个 AP 未显示。"));
            Matcher zoom = Pattern.compile("<a href=\"(/console/aps\\?bbox=[0-9.,-]+)\">Zoom in</a>").matcher(page);
            assertTrue(zoom.find(), page);
            String closer = h.get(zoom.group(1).replace("&amp;", "&")).body();
            assertTrue(dots(closer).size() < 3, "zoomed in on the centre, the outer APs leave the view: " + dots(closer));
            assertTrue(closer.contains(">Whole city</a>") && closer.contains(">North</a>") && closer.contains(">East</a>"), closer);
            assertEquals(400, h.get("/console/aps?bbox=north,pole").statusCode());
        }
    }

    @Test
    void siteNamesThatWouldOverlapAreNotDrawnOverEachOther() {
        try (ControllerHarness h = new ControllerHarness(home, ControllerConfig.defaults())) {
            for (int i = 0; i < 6; i++) {
                place(h, "s-" + i, i, "Site number " + i, 41.0 + i * 0.0004, 113.1 + i * 0.0004);
            }
            place(h, "far", 9, "Far away", 41.5, 113.9);
            h.evaluate();
            String page = h.get("/console/aps").body();
            Matcher label = Pattern.compile("<text x=\"([0-9.]+)\" y=\"([0-9.]+)\" font-size=\"12\" fill=\"#405040\" text-anchor=\"middle\">([^<]+)</text>")
                    .matcher(page);
            List<double[]> boxes = new ArrayList<>();
            while (label.find()) {
                double w = ApMapLabels.width(label.group(3));
                double x = Double.parseDouble(label.group(1));
                double y = Double.parseDouble(label.group(2));
                for (double[] b : boxes) {
                    assertFalse(x - w / 2 < b[2] && b[0] < x + w / 2 && y - 14 < b[3] && b[1] < y + 2, "labels overlap: " + page);
                }
                boxes.add(new double[] {x - w / 2, y - 14, x + w / 2, y + 2});
            }
            assertTrue(boxes.size() >= 2, "some names are placed: " + page);
        }
    }

    private static void place(ControllerHarness h, String id, int n, String site, double lat, double lon) {
        h.controller.aps().register(new AccessPoint(id, MacAddress.parse(String.format("02:00:5e:00:01:%02x", n)), "AP " + id,
                Optional.of(site), Optional.of(new AccessPoint.Location(lat, lon)), Optional.empty(), Optional.empty()), "test");
    }

    private static List<double[]> dots(String page) {
        Matcher m = Pattern.compile("<circle data-id=\"[^\"]+\" class=\"[A-Z]+\" cx=\"([0-9.]+)\" cy=\"([0-9.]+)\"").matcher(page);
        List<double[]> out = new ArrayList<>();
        while (m.find()) {
            out.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return out;
    }
}

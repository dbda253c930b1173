package io.steppe.controller.web;

import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.health.ApState;
import io.steppe.web.CityBounds;
import io.steppe.web.Texts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The AP map, drawn from the inventory alone (no tiles, works offline) by {@code map.jte}. It shows a view: by default
 * the APs inside the city's bounds, fitted; APs outside the city are counted and left out, so that one stray
 * coordinate cannot squeeze the city into a corner. The view moves without a script, through links that carry the
 * next view as {@code bbox=south,west,north,east}. APs that fall within {@link #CELL} pixels of each other are one
 * marker with their number, coloured by the worst state among them and linking to a view fitted to them; site names
 * are placed where they overlap no name already placed, or left out.
 *
 * @param outside APs with coordinates outside the city's bounds, not shown
 * @param moves   the links that zoom and pan, in the order shown
 */
public record ApMap(List<Site> sites, List<Marker> markers, List<Label> labels, int outside, List<Move> moves) {

    public static final int WIDTH = 900;
    public static final int HEIGHT = 520;
    static final Map<ApState, String> COLOURS = Map.of(ApState.UP, "#2e9d4f", ApState.DEGRADED, "#f0a000", ApState.DOWN, "#d32f2f",
            ApState.UNREACHABLE, "#8e24aa", ApState.UNKNOWN, "#90a0b0");
    static final int CELL = 24;
    private static final int PAD = 30;
    /** The smallest view, about 100 m across: closer says nothing more about where APs are. */
    private static final double MIN_SPAN = 0.001;

    /** A site's outline ({@code points} of an SVG polygon). */
    public record Site(String name, String points) {
    }

    /** A site's name where it does not collide with another. */
    public record Label(String text, String x, String y) {
    }

    /**
     * One AP, or several close together: where, how big, the worst state among them, the count shown (empty for one AP),
     * the tooltip with the counts by state, where it leads (the AP's page, or a view fitted to the cluster) and the AP's id (null for several).
     */
    public record Marker(String x, String y, String r, String state, String colour, String count, String title, String href, String id) {
    }

    /** A link that moves the view. */
    public record Move(String text, String href) {
    }

    record Point(double x, double y) {
    }

    /** A view: latitudes and longitudes at the frame's edges, and the projection into the frame. */
    record View(double south, double west, double north, double east) {
        static View around(double south, double west, double north, double east) {
            double lat = Math.max(north - south, MIN_SPAN);
            double lon = Math.max(east - west, MIN_SPAN);
            double cLat = (north + south) / 2;
            double cLon = (east + west) / 2;
            return new View(cLat - lat / 2, cLon - lon / 2, cLat + lat / 2, cLon + lon / 2);
        }

        double kx() {
            return Math.cos(Math.toRadians((south + north) / 2));
        }

        double scale() {
            return Math.min((WIDTH - 2 * PAD) / ((east - west) * kx()), (HEIGHT - 2 * PAD) / (north - south));
        }

        Point project(double lat, double lon) {
            double s = scale();
            double offX = (WIDTH - (east - west) * kx() * s) / 2;
            double offY = (HEIGHT - (north - south) * s) / 2;
            return new Point(offX + (lon - west) * kx() * s, HEIGHT - offY - (lat - south) * s);
        }

        boolean contains(double lat, double lon) {
            return lat >= south && lat <= north && lon >= west && lon <= east;
        }

        View zoomed(double factor, double dLat, double dLon) {
            double lat = (north - south) * factor / 2;
            double lon = (east - west) * factor / 2;
            double cLat = (north + south) / 2 + dLat * (north - south);
            double cLon = (east + west) / 2 + dLon * (east - west);
            return around(Math.max(-90, cLat - lat), Math.max(-180, cLon - lon), Math.min(90, cLat + lat), Math.min(180, cLon + lon));
        }

        String bbox() {
            return String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", south, west, north, east);
        }
    }

    /**
     * @param bbox  the view asked for ({@code south,west,north,east}), or null for the APs inside the city, fitted
     * @param link  the page's address with its filters and a given {@code bbox} (none for an empty one)
     */
    static ApMap of(Collection<ApSnapshot> aps, CityBounds city, String bbox, Texts t, Function<String, String> link) {
        List<ApSnapshot> inside = new ArrayList<>();
        int outside = 0;
        for (ApSnapshot a : aps) {
            if (a.ap().location().isPresent()) {
                if (city.contains(a.ap().location().get().latitude(), a.ap().location().get().longitude())) {
                    inside.add(a);
                } else {
                    outside++;
                }
            }
        }
        View view = bbox != null && !bbox.isBlank() ? asked(bbox) : fitted(inside, city);
        if (view == null) {
            return new ApMap(List.of(), List.of(), List.of(), outside, List.of());
        }
        List<ApSnapshot> shown = inside.stream().filter(a -> view.contains(a.ap().location().get().latitude(),
                a.ap().location().get().longitude())).toList();
        return new ApMap(sites(shown, view), markers(shown, view, t, link), ApMapLabels.place(shown, view, CELL), outside, moves(view, t, link));
    }

    private static View asked(String bbox) {
        try {
            CityBounds b = CityBounds.parse(bbox);
            return View.around(b.south(), b.west(), b.north(), b.east());
        } catch (IllegalArgumentException e) {
            throw new BadControllerRequest("bbox must be south,west,north,east in degrees: " + e.getMessage());
        }
    }

    private static View fitted(List<ApSnapshot> inside, CityBounds city) {
        if (inside.isEmpty()) {
            return city.isWorld() ? null : View.around(city.south(), city.west(), city.north(), city.east());
        }
        double s = inside.stream().mapToDouble(a -> a.ap().location().get().latitude()).min().orElseThrow();
        double n = inside.stream().mapToDouble(a -> a.ap().location().get().latitude()).max().orElseThrow();
        double w = inside.stream().mapToDouble(a -> a.ap().location().get().longitude()).min().orElseThrow();
        double e = inside.stream().mapToDouble(a -> a.ap().location().get().longitude()).max().orElseThrow();
        double padLat = Math.max((n - s) * 0.05, MIN_SPAN / 2);
        double padLon = Math.max((e - w) * 0.05, MIN_SPAN / 2);
        return View.around(s - padLat, w - padLon, n + padLat, e + padLon);
    }

    private static List<Site> sites(List<ApSnapshot> shown, View view) {
        Map<String, List<Point>> bySite = new LinkedHashMap<>();
        for (ApSnapshot a : shown) {
            a.ap().site().ifPresent(s -> bySite.computeIfAbsent(s, k -> new ArrayList<>())
                    .add(view.project(a.ap().location().get().latitude(), a.ap().location().get().longitude())));
        }
        List<Site> sites = new ArrayList<>();
        bySite.forEach((site, points) -> sites.add(new Site(site, SiteOutline.points(points.stream().map(p -> new double[] {p.x(), p.y()}).toList()))));
        return sites;
    }

    private static List<Marker> markers(List<ApSnapshot> shown, View view, Texts t, Function<String, String> link) {
        Map<Long, List<ApSnapshot>> cells = new LinkedHashMap<>();
        for (ApSnapshot a : shown) {
            Point p = view.project(a.ap().location().get().latitude(), a.ap().location().get().longitude());
            cells.computeIfAbsent(Math.floorDiv((long) p.y(), CELL) * 100_000 + Math.floorDiv((long) p.x(), CELL), k -> new ArrayList<>()).add(a);
        }
        List<Marker> markers = new ArrayList<>();
        for (List<ApSnapshot> cell : cells.values()) {
            double x = 0;
            double y = 0;
            Map<ApState, Integer> byState = new EnumMap<>(ApState.class);
            ApState worst = ApState.UNKNOWN;
            for (ApSnapshot a : cell) {
                Point p = view.project(a.ap().location().get().latitude(), a.ap().location().get().longitude());
                x += p.x() / cell.size();
                y += p.y() / cell.size();
                byState.merge(a.state(), 1, Integer::sum);
                worst = a.state().ordinal() > worst.ordinal() ? a.state() : worst;
            }
            if (cell.size() == 1) {
                ApSnapshot a = cell.get(0);
                markers.add(new Marker(number(x), number(y), "6", a.state().name(), COLOURS.get(a.state()), "",
                        t.get("map.ap", a.ap().id(), a.ap().name(), t.of(a.state())), "/console/aps/" + a.ap().id(), a.ap().id()));
                continue;
            }
            List<String> counts = new ArrayList<>();
            byState.forEach((state, n) -> counts.add(t.get("map.count", t.of(state), n)));
            View fit = fitted(cell, CityBounds.WORLD);
            markers.add(new Marker(number(x), number(y), number(Math.min(20, 9 + 2 * Math.log(cell.size()) / Math.log(2))), worst.name(),
                    COLOURS.get(worst), Integer.toString(cell.size()), t.get("map.cluster", cell.size(), String.join(t.get("map.separator"), counts)),
                    link.apply(fit.bbox()), null));
        }
        return markers;
    }

    private static List<Move> moves(View view, Texts t, Function<String, String> link) {
        return List.of(new Move(t.get("map.zoomIn"), link.apply(view.zoomed(0.5, 0, 0).bbox())),
                new Move(t.get("map.zoomOut"), link.apply(view.zoomed(2, 0, 0).bbox())),
                new Move(t.get("map.north"), link.apply(view.zoomed(1, 0.5, 0).bbox())),
                new Move(t.get("map.south"), link.apply(view.zoomed(1, -0.5, 0).bbox())),
                new Move(t.get("map.west"), link.apply(view.zoomed(1, 0, -0.5).bbox())),
                new Move(t.get("map.east"), link.apply(view.zoomed(1, 0, 0.5).bbox())),
                new Move(t.get("map.fit"), link.apply("")));
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}

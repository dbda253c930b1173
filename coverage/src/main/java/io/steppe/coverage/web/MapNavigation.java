package io.steppe.coverage.web;

import io.steppe.coverage.map.MapView;
import io.steppe.web.ConsolePage.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gap map's zoom and pan, as plain links that ask the server for another {@code bbox}: no tile server and no
 * script, so the map works in any browser the console's policy admits and each view has an address to share.
 */
final class MapNavigation {

    /** How far one pan moves: half the map, so that what was at the edge comes to the middle. */
    private static final double PAN = 0.5;

    private MapNavigation() {
    }

    /** The map page's address for an operator choice, with or without Wi-Fi, showing {@code view} if any. */
    static String href(Optional<String> operator, boolean withoutWifi, Optional<MapView> view) {
        List<String> query = new ArrayList<>();
        operator.ifPresent(o -> query.add("operator=" + o));
        if (withoutWifi) {
            query.add("wifi=exclude");
        }
        view.ifPresent(v -> query.add("bbox=" + v.text()));
        return "/console/coverage" + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    /** Zoom in, zoom out, the four pans and back to the whole city (no link when the map already shows it). */
    static List<Link> links(PlannerWords w, Optional<String> operator, boolean withoutWifi, MapView view, boolean asked) {
        List<Link> links = new ArrayList<>();
        links.add(link(w, "coverage.view.in", operator, withoutWifi, view.zoomed(0.5)));
        links.add(link(w, "coverage.view.out", operator, withoutWifi, view.zoomed(2)));
        links.add(link(w, "coverage.view.north", operator, withoutWifi, view.panned(PAN, 0)));
        links.add(link(w, "coverage.view.south", operator, withoutWifi, view.panned(-PAN, 0)));
        links.add(link(w, "coverage.view.west", operator, withoutWifi, view.panned(0, -PAN)));
        links.add(link(w, "coverage.view.east", operator, withoutWifi, view.panned(0, PAN)));
        String reset = w.t().get("coverage.view.reset");
        links.add(asked ? new Link(reset, href(operator, withoutWifi, Optional.empty())) : Link.here(reset));
        return links;
    }

    private static Link link(PlannerWords w, String key, Optional<String> operator, boolean withoutWifi, MapView to) {
        return new Link(w.t().get(key), href(operator, withoutWifi, Optional.of(to)));
    }
}

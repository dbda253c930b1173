package io.steppe.coverage.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.coverage.Coverage;
import io.steppe.coverage.gap.DecisionRefused;
import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.gap.GapStatus;
import io.steppe.coverage.map.CityMap;
import io.steppe.coverage.map.CoverageLayers;
import io.steppe.coverage.map.MapView;
import io.steppe.web.Allowed;
import io.steppe.web.CityBounds;
import io.steppe.web.ConsoleLayout;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.ConsoleSettings;
import io.steppe.web.Templates;
import io.steppe.web.account.Role;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The planners' console: {@code /console/coverage} (gap map with an operator switch, zoom and pan, layer switches,
 * the ranked gap list and its downloads) and {@code /console/coverage/gaps/{id}} (a gap, its evidence by day, the
 * places it touches, the planner's decision), in the reader's language.
 */
@Allowed({Role.PLANNER, Role.ADMIN})
@Controller("/console/coverage")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PlannerConsoleController {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    private static final int MAP_WIDTH = 960;
    private static final int MAP_HEIGHT = 640;

    private final Coverage coverage;
    private final ConsoleLayout layout;
    private final CityBounds city;
    private final Templates templates = new Templates("io.steppe.coverage.jte");

    /** Without settings (a module test's server) the city has no bounds and the map opens on the districts. */
    PlannerConsoleController(Coverage coverage, ConsoleLayout layout, @Nullable ConsoleSettings settings) {
        this.coverage = coverage;
        this.layout = layout;
        this.city = settings == null ? CityBounds.WORLD : settings.city();
    }

    @Get(produces = HTML)
    HttpResponse<String> map(@Nullable @QueryValue String operator, @Nullable @QueryValue String wifi, @Nullable @QueryValue String bbox,
                             HttpRequest<?> request) {
        PlannerWords w = new PlannerWords(layout.texts(request));
        Optional<String> op;
        Optional<MapView> asked;
        try {
            op = CoverageController.operator(operator, true);
        } catch (IllegalArgumentException e) {
            return refused(request, w, w.t().get("coverage.refused.operator", operator));
        }
        try {
            asked = bbox == null || bbox.isBlank() ? Optional.empty() : Optional.of(MapView.parse(bbox).shaped(MAP_WIDTH, MAP_HEIGHT));
        } catch (IllegalArgumentException e) {
            return refused(request, w, w.t().get("coverage.refused.bbox", bbox));
        }
        boolean withoutWifi = "exclude".equals(wifi);
        String title = w.title(op, withoutWifi);
        CoverageLayers.MapData data = coverage.layers().map(op, withoutWifi);
        CityMap shown = coverage.map().within(new CoverageLayers.MapData(title, data.cells(), data.gaps(), data.places()), city);
        MapView view = asked.orElseGet(() -> coverage.map().opening(shown, city, MAP_WIDTH, MAP_HEIGHT));
        GapMapPage page = GapMapPage.of(w, title, data.gaps(), shown, coverage.map().svg(shown.data(), view, w.legend(), MAP_WIDTH, MAP_HEIGHT),
                MapNavigation.links(w, op, withoutWifi, view, asked.isPresent()), coverage.operators(), op, withoutWifi);
        return HttpResponse.ok(layout.page(layout.page(request, title, Link.here(w.t().get("coverage.map"))),
                templates.content("map.jte", Map.of("t", w.t(), "page", page))));
    }

    @Get(uri = "/gaps/{id}", produces = HTML)
    HttpResponse<String> gap(long id, HttpRequest<?> request) {
        PlannerWords w = new PlannerWords(layout.texts(request));
        Optional<Gap> gap = coverage.gaps().find(id);
        if (gap.isEmpty()) {
            return HttpResponse.<String>notFound().body(layout.notice(layout.page(request, w.t().get("coverage.missing.title"), mapLink(w)),
                    new ConsoleLayout.Notice(w.t().get("coverage.missing.text", Long.toString(id)), false, null)));
        }
        Gap g = gap.get();
        String title = w.t().get("coverage.gap.title", id);
        CoverageLayers.MapData data = new CoverageLayers.MapData(title,
                coverage.layers().cells(Optional.of(g.operator()), 8).stream().filter(c -> g.cellIds().contains(c.h3())).toList(),
                List.of(g), coverage.layers().map(Optional.of(g.operator()), false).places());
        MapView view = MapView.around(g.geometry().getEnvelopeInternal(), 640, 420);
        GapPage page = GapPage.of(w, g, coverage.map().svg(data, view, w.legend(), 640, 420), coverage.layers().days(g.operator(), g.cellIds()),
                ConsoleRequest.csrf(request).orElse(""));
        return HttpResponse.ok(layout.page(layout.page(request, title, mapLink(w), Link.here(title)),
                templates.content("gap.jte", Map.of("t", w.t(), "page", page))));
    }

    @Post(uri = "/gaps/{id}/status", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = HTML)
    HttpResponse<String> mark(long id, @Body Map<String, String> form, HttpRequest<?> request) {
        PlannerWords w = new PlannerWords(layout.texts(request));
        String here = "/console/coverage/gaps/" + id;
        List<Link> trail = List.of(mapLink(w), new Link(w.t().get("coverage.gap.title", id), here));
        String title = w.t().get("coverage.notSaved.title");
        if (!ConsoleRequest.formCameFromThisSession(request, form.get("csrf"))) {
            return HttpResponse.<String>status(HttpStatus.FORBIDDEN).body(notice(request, title, trail,
                    w.t().get("coverage.notSaved.forged"), new Link(w.t().get("coverage.notSaved.again"), here)));
        }
        GapStatus status;
        try {
            status = GapStatus.parse(form.get("status"));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(notice(request, title, trail, w.t().get("coverage.refused.status", form.get("status"),
                    Arrays.stream(GapStatus.values()).map(w.t()::of).collect(Collectors.joining(", "))),
                    new Link(w.t().get("coverage.notSaved.back"), here)));
        }
        try {
            coverage.gaps().mark(id, status, blankToNull(form.get("note")), ConsoleRequest.actor(request));
        } catch (DecisionRefused e) {
            return HttpResponse.badRequest(notice(request, title, trail, w.t().of(e.reason()),
                    new Link(w.t().get("coverage.notSaved.back"), here)));
        }
        return HttpResponse.seeOther(URI.create(here));
    }

    private HttpResponse<String> refused(HttpRequest<?> request, PlannerWords w, String why) {
        return HttpResponse.badRequest(notice(request, w.t().get("coverage.refused.title"), List.of(mapLink(w)), why,
                new Link(w.t().get("coverage.refused.back"), "/console/coverage")));
    }

    private static Link mapLink(PlannerWords w) {
        return new Link(w.t().get("coverage.map"), "/console/coverage");
    }

    private String notice(HttpRequest<?> request, String title, List<Link> trail, String error, @Nullable Link onward) {
        return layout.notice(layout.page(request, title, trail.toArray(Link[]::new)), new ConsoleLayout.Notice(error, true, onward));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

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
import io.steppe.coverage.gap.Gap;
import io.steppe.coverage.gap.GapStatus;
import io.steppe.coverage.map.CoverageLayers;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleLayout;
import io.steppe.web.ConsolePage;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.Templates;
import io.steppe.web.account.Role;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The planners' console: {@code /console/coverage} (gap map with an operator switch and layer switches, the
 * ranked gap list) and {@code /console/coverage/gaps/{id}} (a gap, its evidence by day, the places it touches,
 * the planner's decision).
 */
@Allowed({Role.PLANNER, Role.ADMIN})
@Controller("/console/coverage")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PlannerConsoleController {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    private static final Link MAP = new Link("4G gap map", "/console/coverage");

    private final Coverage coverage;
    private final ConsoleLayout layout;
    private final Templates templates = new Templates("io.steppe.coverage.jte");

    PlannerConsoleController(Coverage coverage, ConsoleLayout layout) {
        this.coverage = coverage;
        this.layout = layout;
    }

    @Get(produces = HTML)
    HttpResponse<String> map(@Nullable @QueryValue String operator, @Nullable @QueryValue String wifi, HttpRequest<?> request) {
        Optional<String> op;
        try {
            op = CoverageController.operator(operator, true);
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(notice(request, "Bad request", List.of(MAP), e.getMessage(), null));
        }
        boolean withoutWifi = "exclude".equals(wifi);
        CoverageLayers.MapData data = coverage.layers().map(op, withoutWifi);
        GapMapPage page = GapMapPage.of(data, coverage.map().svg(data, 960, 640), coverage.operators(), op, withoutWifi);
        return HttpResponse.ok(layout.page(layout.page(request, data.title(), Link.here(MAP.text())),
                templates.content("map.jte", page)));
    }

    @Get(uri = "/gaps/{id}", produces = HTML)
    HttpResponse<String> gap(long id, HttpRequest<?> request) {
        Optional<Gap> gap = coverage.gaps().find(id);
        if (gap.isEmpty()) {
            return HttpResponse.<String>notFound().body(layout.notice(layout.page(request, "No such gap", MAP),
                    new ConsoleLayout.Notice("No gap with id " + id + ".", false, null)));
        }
        Gap g = gap.get();
        CoverageLayers.MapData data = new CoverageLayers.MapData("Gap #" + id,
                coverage.layers().cells(Optional.of(g.operator()), 8).stream().filter(c -> g.cellIds().contains(c.h3())).toList(),
                List.of(g), coverage.layers().map(Optional.of(g.operator()), false).places());
        GapPage page = GapPage.of(g, coverage.map().svg(data, 640, 420), coverage.layers().days(g.operator(), g.cellIds()),
                ConsoleRequest.csrf(request).orElse(""));
        return HttpResponse.ok(layout.page(layout.page(request, "Gap #" + id, MAP, Link.here("Gap #" + id)),
                templates.content("gap.jte", page)));
    }

    @Post(uri = "/gaps/{id}/status", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = HTML)
    HttpResponse<String> mark(long id, @Body Map<String, String> form, HttpRequest<?> request) {
        List<Link> trail = List.of(MAP, new Link("Gap #" + id, "/console/coverage/gaps/" + id));
        if (!ConsoleRequest.formCameFromThisSession(request, form.get("csrf"))) {
            return HttpResponse.<String>status(HttpStatus.FORBIDDEN).body(notice(request, "Not saved", trail,
                    "This form did not come from your console session; nothing was changed.",
                    new Link("Open the gap again and save from there", "/console/coverage/gaps/" + id)));
        }
        try {
            coverage.gaps().mark(id, GapStatus.parse(form.get("status")), blankToNull(form.get("note")), ConsoleRequest.actor(request));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(notice(request, "Not saved", trail, e.getMessage(),
                    new Link("Back to the gap", "/console/coverage/gaps/" + id)));
        }
        return HttpResponse.seeOther(URI.create("/console/coverage/gaps/" + id));
    }

    private String notice(HttpRequest<?> request, String title, List<Link> trail, String error, @Nullable Link onward) {
        return layout.notice(layout.page(request, title, trail.toArray(Link[]::new)), new ConsoleLayout.Notice(error, true, onward));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

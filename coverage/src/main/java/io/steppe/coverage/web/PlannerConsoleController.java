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
import io.steppe.web.ConsoleRequest;
import io.steppe.web.account.Role;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
    /**
     * The request attribute in which the console's login filter leaves the session's anti-forgery token: a form
     * posted with the session cookie counts only with this token in it, which a page on another site cannot read.
     */

    private final Coverage coverage;

    PlannerConsoleController(Coverage coverage) {
        this.coverage = coverage;
    }

    @Get(produces = HTML)
    HttpResponse<String> map(@Nullable @QueryValue String operator, @Nullable @QueryValue String wifi) {
        Optional<String> op;
        try {
            op = CoverageController.operator(operator, true);
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(PlannerPages.page("Bad request", "<p class=\"error\">" + PlannerPages.escape(e.getMessage()) + "</p>"));
        }
        boolean withoutWifi = "exclude".equals(wifi);
        CoverageLayers.MapData data = coverage.layers().map(op, withoutWifi);
        String svg = coverage.map().svg(data, 960, 640);
        return HttpResponse.ok(PlannerPages.mapPage(data, svg, coverage.operators(), op, withoutWifi));
    }

    @Get(uri = "/gaps/{id}", produces = HTML)
    HttpResponse<String> gap(long id, HttpRequest<?> request) {
        Optional<Gap> gap = coverage.gaps().find(id);
        if (gap.isEmpty()) {
            return HttpResponse.<String>notFound().body(PlannerPages.page("No such gap", "<p>No gap with id " + id + ".</p>"));
        }
        Gap g = gap.get();
        CoverageLayers.MapData data = new CoverageLayers.MapData("Gap #" + id,
                coverage.layers().cells(Optional.of(g.operator()), 8).stream().filter(c -> g.cellIds().contains(c.h3())).toList(),
                List.of(g), coverage.layers().map(Optional.of(g.operator()), false).places());
        return HttpResponse.ok(PlannerPages.gapPage(g, coverage.map().svg(data, 640, 420), coverage.layers().days(g.operator(), g.cellIds()),
                ConsoleRequest.csrf(request).orElse("")));
    }

    @Post(uri = "/gaps/{id}/status", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = HTML)
    HttpResponse<String> mark(long id, @Body Map<String, String> form, HttpRequest<?> request) {
        String sent = form.get("csrf");
        boolean genuine = sent != null && ConsoleRequest.csrf(request).map(t -> MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))).orElse(false);
        if (!genuine) {
            return HttpResponse.<String>status(HttpStatus.FORBIDDEN).body(PlannerPages.page("Not saved",
                    "<p class=\"error\">This form did not come from your console session; nothing was changed.</p>"
                            + "<p><a href=\"/console/coverage/gaps/" + id + "\">Open the gap again</a> and save from there.</p>"));
        }
        try {
            coverage.gaps().mark(id, GapStatus.parse(form.get("status")), blankToNull(form.get("note")), ConsoleRequest.actor(request));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(PlannerPages.page("Not saved", "<p class=\"error\">" + PlannerPages.escape(e.getMessage())
                    + "</p><p><a href=\"/console/coverage/gaps/" + id + "\">Back to the gap</a></p>"));
        }
        return HttpResponse.seeOther(URI.create("/console/coverage/gaps/" + id));
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

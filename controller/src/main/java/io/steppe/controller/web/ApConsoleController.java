package io.steppe.controller.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.controller.ControllerService;
import io.steppe.controller.health.ApSnapshot;
import io.steppe.controller.history.History;
import io.steppe.web.Allowed;
import io.steppe.web.CityBounds;
import io.steppe.web.ConsoleLayout;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.ConsoleSettings;
import io.steppe.web.Templates;
import io.steppe.web.Texts;
import io.steppe.web.account.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * The operators' AP views on the console (behind the console login): {@code /console/aps} (counts, open alerts, map,
 * a table filterable by state and site, exports) and {@code /console/aps/{id}} (details, open alert and a 24-hour
 * history chart). Each page is complete without JavaScript; with it, the console's live script fetches the page's
 * content again every few seconds as {@code ?part=live}, the same templates in the same words.
 */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/console/aps")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ApConsoleController {

    static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    static final String LIVE = "live";
    /** An AP page lists at most this many of its alerts, open and past. */
    static final int ALERTS_SHOWN = 10;

    private final ControllerService controller;
    private final ConsoleLayout layout;
    private final CityBounds city;
    private final Templates templates = new Templates("io.steppe.controller.jte");

    ApConsoleController(ControllerService controller, ConsoleLayout layout, @Nullable ConsoleSettings settings) {
        this.controller = controller;
        this.layout = layout;
        this.city = settings == null ? CityBounds.WORLD : settings.city();
    }

    @Get(produces = HTML)
    String list(@Nullable @QueryValue String state, @Nullable @QueryValue String site, @Nullable @QueryValue String bbox,
                @Nullable @QueryValue String part, HttpRequest<?> request) {
        Texts t = layout.texts(request);
        String filter = ApListPage.query(state, site);
        ApMap map = ApMap.of(controller.evaluator().snapshot().values(), city, bbox, t,
                b -> "/console/aps" + query(filter, b.isEmpty() ? "" : "bbox=" + b));
        ApListPage page = ApListPage.of(controller.evaluator().snapshot(), controller.alertStore().open(), map, state, site, t);
        String view = bbox == null || bbox.isBlank() ? "" : "bbox=" + URLEncoder.encode(bbox, StandardCharsets.UTF_8);
        String live = "/console/aps" + query(filter, view, "part=" + LIVE);
        Map<String, Object> model = Map.of("t", t, "page", page, "live", live);
        if (LIVE.equals(part)) {
            return templates.render("apsLive.jte", model);
        }
        return layout.page(layout.page(request, t.get("aps.title"), Link.here(t.get("aps.trail"))), templates.content("aps.jte", model));
    }

    @Get(uri = "/{id}", produces = HTML)
    HttpResponse<String> one(String id, @Nullable @QueryValue String part, HttpRequest<?> request) {
        Texts t = layout.texts(request);
        ApSnapshot a = controller.evaluator().snapshot().get(id);
        Link aps = new Link(t.get("aps.trail"), "/console/aps");
        if (a == null) {
            return HttpResponse.<String>notFound().body(layout.notice(layout.page(request, t.get("ap.missing.title"), aps),
                    new ConsoleLayout.Notice(t.get("ap.missing", id), false, aps)));
        }
        Instant now = controller.clock().instant();
        History h = controller.history().read(id, now.minus(Duration.ofDays(1)), now, now);
        ApPage page = ApPage.of(a, controller.alertStore().recentOf(ApPage.alertKeys(a), ALERTS_SHOWN), HistoryChart.of(h, a, t), t);
        Map<String, Object> model = Map.of("t", t, "ap", page, "live", "/console/aps/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "?part=" + LIVE);
        if (LIVE.equals(part)) {
            return HttpResponse.ok(templates.render("apLive.jte", model));
        }
        return HttpResponse.ok(layout.page(layout.page(request, t.get("ap.title", id), aps, Link.here(id)), templates.content("ap.jte", model)));
    }

    /** {@code ?} and the parts that are not empty, joined; empty when none is. */
    static String query(String... parts) {
        String joined = String.join("&", Arrays.stream(parts).filter(p -> p != null && !p.isEmpty()).toList());
        return joined.isEmpty() ? "" : "?" + joined;
    }
}

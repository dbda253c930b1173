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
import io.steppe.web.ConsoleLayout;
import io.steppe.web.ConsolePage;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.Templates;
import io.steppe.web.account.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The operators' AP views on the console (behind the console login): {@code /console/aps} (counts, open alerts,
 * map, a table filterable by state and site) and {@code /console/aps/{id}} (details and a 24-hour history chart).
 * Pages are complete without JavaScript; a small script ({@link ApConsoleAssets}) refreshes them from the JSON APIs.
 */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/console/aps")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ApConsoleController {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";
    private static final Link APS = new Link("Access points", "/console/aps");

    private final ControllerService controller;
    private final ConsoleLayout layout;
    private final Templates templates = new Templates("io.steppe.controller.jte");

    ApConsoleController(ControllerService controller, ConsoleLayout layout) {
        this.controller = controller;
        this.layout = layout;
    }

    @Get(produces = HTML)
    String list(@Nullable @QueryValue String state, @Nullable @QueryValue String site, HttpRequest<?> request) {
        ApListPage page = ApListPage.of(controller.evaluator().snapshot().values(), controller.evaluator().alerts().openAlerts(), state, site);
        return layout.page(layout.page(request, "Steppe · access points", Link.here(APS.text()))
                .withScript(ApConsoleAssets.LIST_SCRIPT), templates.content("aps.jte", page));
    }

    @Get(uri = "/{id}", produces = HTML)
    HttpResponse<String> one(String id, HttpRequest<?> request) {
        ApSnapshot a = controller.evaluator().snapshot().get(id);
        if (a == null) {
            return HttpResponse.<String>notFound().body(layout.notice(layout.page(request, "Steppe · no such AP", APS), new ConsoleLayout.Notice("No AP with id '" + id + "' (or it is not evaluated yet).", false, null)));
        }
        return HttpResponse.ok(layout.page(layout.page(request, "Steppe · " + id, APS, Link.here(id))
                .withScript(ApConsoleAssets.ONE_SCRIPT), templates.content("ap.jte", ApPage.of(a, history(id)))));
    }

    /** The chart alone, for the page's script to refresh. */
    @Get(uri = "/{id}/chart", produces = HTML)
    String chart(String id) {
        return templates.render("chart.jte", history(id));
    }

    private HistoryChart history(String id) {
        Instant now = controller.clock().instant();
        History h = controller.history().read(id, now.minus(Duration.ofDays(1)), now, now);
        return HistoryChart.of(h);
    }
}

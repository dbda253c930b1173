package io.steppe.controller.web;

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
import io.steppe.controller.ControllerService;
import io.steppe.controller.alert.Alert;
import io.steppe.controller.health.ApSnapshot;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleLayout;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.Templates;
import io.steppe.web.Texts;
import io.steppe.web.account.Role;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts on the console: {@code /console/alerts} (the open ones and the history, newest first, a page of
 * {@link #PAGE} at a time, live like the AP pages) and {@code /console/alerts/{id}} (one alert, and the form that
 * acknowledges it with a note, in the audit log).
 */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/console/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AlertConsoleController {

    static final int PAGE = 50;

    private final ControllerService controller;
    private final ConsoleLayout layout;
    private final Templates templates = new Templates("io.steppe.controller.jte");

    AlertConsoleController(ControllerService controller, ConsoleLayout layout) {
        this.controller = controller;
        this.layout = layout;
    }

    @Get(produces = ApConsoleController.HTML)
    String list(@Nullable @QueryValue Integer page, @Nullable @QueryValue String part, HttpRequest<?> request) {
        Texts t = layout.texts(request);
        int p = page == null || page < 1 ? 1 : page;
        List<Alert> history = controller.alertStore().recent((p - 1) * PAGE, PAGE + 1);
        Map<String, ApSnapshot> aps = controller.evaluator().snapshot();
        AlertsPage model = new AlertsPage(controller.alertStore().open().stream().map(a -> AlertLine.of(a, t, aps)).toList(),
                history.stream().limit(PAGE).map(a -> AlertLine.of(a, t, aps)).toList(), p, history.size() > PAGE);
        Map<String, Object> parameters = Map.of("t", t, "page", model, "live", "/console/alerts?page=" + p + "&part=" + ApConsoleController.LIVE);
        if (ApConsoleController.LIVE.equals(part)) {
            return templates.render("alertsLive.jte", parameters);
        }
        return layout.page(layout.page(request, t.get("alerts.title"), Link.here(t.get("alerts.trail"))), templates.content("alerts.jte", parameters));
    }

    @Get(uri = "/{id}", produces = ApConsoleController.HTML)
    HttpResponse<String> one(long id, HttpRequest<?> request) {
        Texts t = layout.texts(request);
        Link alerts = new Link(t.get("alerts.trail"), "/console/alerts");
        Optional<Alert> alert = controller.alertStore().find(id);
        if (alert.isEmpty()) {
            return HttpResponse.<String>notFound().body(layout.notice(layout.page(request, t.get("alert.missing.title"), alerts),
                    new ConsoleLayout.Notice(t.get("alert.missing", id), false, alerts)));
        }
        AlertPage page = new AlertPage(AlertLine.of(alert.get(), t, controller.evaluator().snapshot()), alert.get().resolvedAt().isEmpty(), ConsoleRequest.csrf(request).orElse(""));
        return HttpResponse.ok(layout.page(layout.page(request, t.get("alert.title", id), alerts, Link.here("#" + id)),
                templates.content("alert.jte", Map.of("t", t, "page", page))));
    }

    @Post(uri = "/{id}/acknowledge", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = ApConsoleController.HTML)
    HttpResponse<String> acknowledge(long id, @Body Map<String, String> form, HttpRequest<?> request) {
        Texts t = layout.texts(request);
        Link back = new Link(t.get("alert.back"), "/console/alerts/" + id);
        if (!ConsoleRequest.formCameFromThisSession(request, form.get("csrf"))) {
            return HttpResponse.<String>status(HttpStatus.FORBIDDEN).body(layout.notice(layout.page(request, t.get("alert.notSaved"), back),
                    new ConsoleLayout.Notice(t.get("alert.forged"), true, back)));
        }
        try {
            AlertAcknowledgements.acknowledge(controller, id, form.get("note"), ConsoleRequest.actor(request));
        } catch (BadControllerRequest e) {
            return HttpResponse.badRequest(layout.notice(layout.page(request, t.get("alert.notSaved"), back),
                    new ConsoleLayout.Notice(t.get("alert.notAcknowledged", AlertAcknowledgements.MAX_NOTE), true, back)));
        }
        return HttpResponse.seeOther(URI.create("/console/alerts/" + id));
    }
}

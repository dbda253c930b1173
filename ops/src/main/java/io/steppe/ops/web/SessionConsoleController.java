package io.steppe.ops.web;

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
import io.steppe.db.Database;
import io.steppe.radius.coa.CoaResult;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleLayout;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.Templates;
import io.steppe.web.Texts;
import io.steppe.web.account.Role;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/sessions}: who is online, per gateway and AP, refreshed in place, with a disconnect button per
 * session (a Disconnect-Request to its gateway, whose answer the next page says).
 */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/console/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SessionConsoleController {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final OpenSessions sessions;
    private final SessionDisconnect disconnect;
    private final ConsoleLayout layout;
    private final Templates templates = new Templates("io.steppe.ops.jte");

    SessionConsoleController(Database database, SessionDisconnect disconnect, ConsoleLayout layout) {
        this.sessions = new OpenSessions(database.dsl());
        this.disconnect = disconnect;
        this.layout = layout;
    }

    @Get(produces = HTML)
    String page(@Nullable @QueryValue String gateway, @Nullable @QueryValue String ap, HttpRequest<?> request) {
        Texts t = layout.texts(request);
        OpenSessions.Filter filter = OpenSessions.Filter.of(gateway, ap);
        SessionsPage page = SessionsPage.of(sessions.byGateway(), sessions.byAp(), filter, rows(filter, request));
        return layout.page(layout.page(request, t.get("sessions.title"), Link.here(t.get("sessions.title"))),
                templates.content("sessions.jte", Map.of("t", t, "page", page)));
    }

    /** The table alone, which the page's live script fetches every few seconds. */
    @Get(uri = "/rows", produces = HTML)
    String rows(@Nullable @QueryValue String gateway, @Nullable @QueryValue String ap, HttpRequest<?> request) {
        return templates.render("session-rows.jte", Map.of("t", layout.texts(request), "rows", rows(OpenSessions.Filter.of(gateway, ap), request)));
    }

    @Post(uri = "/{id}/disconnect", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = HTML)
    HttpResponse<String> disconnect(String id, @Body Map<String, String> form, HttpRequest<?> request) throws InterruptedException {
        Texts t = layout.texts(request);
        Link back = new Link(t.get("sessions.title"), "/console/sessions");
        if (!ConsoleRequest.formCameFromThisSession(request, form.get("csrf"))) {
            return HttpResponse.<String>status(HttpStatus.FORBIDDEN).body(layout.notice(layout.page(request, t.get("sessions.notSent"), back),
                    new ConsoleLayout.Notice(t.get("form.foreign"), true, back)));
        }
        String said;
        boolean error;
        try {
            CoaResult result = disconnect.end(id, ConsoleRequest.actor(request));
            error = result.outcome() != CoaResult.Outcome.ACK;
            said = switch (result.outcome()) {
                case ACK -> t.get("sessions.disconnect.ack");
                case NAK -> t.get("sessions.disconnect.nak", result.errorCause().isPresent() ? result.errorCause().getAsInt() : "–");
                case TIMEOUT -> t.get("sessions.disconnect.timeout", result.attempts());
            };
        } catch (NoSuchSession e) {
            return HttpResponse.<String>notFound().body(layout.notice(layout.page(request, t.get("sessions.notSent"), back),
                    new ConsoleLayout.Notice(t.get("sessions.gone"), false, back)));
        } catch (GatewaySilent e) {
            error = true;
            said = t.get("sessions.disconnect.silent");
        }
        return HttpResponse.ok(layout.notice(layout.page(request, t.get("sessions.disconnect.title"), back, Link.here(t.get("sessions.disconnect.title"))),
                new ConsoleLayout.Notice(said, error, back)));
    }

    private SessionsPage.Rows rows(OpenSessions.Filter filter, HttpRequest<?> request) {
        List<OpenSessions.Session> open = sessions.list(filter);
        return new SessionsPage.Rows(SessionController.visible(open, ConsoleRequest.account(request)), open.size() >= OpenSessions.LIST_LIMIT,
                ConsoleRequest.csrf(request).orElse(""));
    }
}

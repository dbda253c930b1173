package io.steppe.ops.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.db.Database;
import io.steppe.radius.coa.CoaResult;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.Export;
import io.steppe.web.account.Account;
import io.steppe.web.account.Role;
import java.util.List;
import java.util.Map;



/**
 * Who is online ({@code GET /api/sessions}, JSON, or CSV and GeoJSON to download: {@code ?format=} or Accept; filtered
 * by {@code ?gateway=} and {@code ?ap=}) and ending a session through its gateway
 * ({@code POST /api/sessions/{id}/disconnect}, a Disconnect-Request). Operators see clients through
 * {@link Redaction}; admins in full.
 */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/api/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SessionController {

    private final OpenSessions sessions;
    private final SessionDisconnect disconnect;
    private final SessionExport export;

    SessionController(Database database, SessionDisconnect disconnect, SessionExport export) {
        this.sessions = new OpenSessions(database.dsl());
        this.disconnect = disconnect;
        this.export = export;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, "text/csv", "application/geo+json"})
    HttpResponse<?> open(@Nullable @QueryValue String gateway, @Nullable @QueryValue String ap, @Nullable @QueryValue String format,
                         HttpRequest<?> request) {
        Export as = Export.choose(format, request, List.of(Export.JSON, Export.CSV, Export.GEOJSON));
        List<OpenSessions.Session> open = visible(sessions.list(OpenSessions.Filter.of(gateway, ap)), ConsoleRequest.account(request));
        return as == Export.JSON ? HttpResponse.ok(open) : export.download(open, as);
    }

    /** The sessions as {@code account} may see them. */
    static List<OpenSessions.Session> visible(List<OpenSessions.Session> open, Account account) {
        return account.role() == Role.ADMIN ? open : open.stream().map(OpenSessions.Session::redacted).toList();
    }

    @Post("/{id}/disconnect")
    Map<String, Object> disconnect(String id, HttpRequest<?> request) throws InterruptedException {
        CoaResult result = disconnect.end(id, ConsoleRequest.actor(request));
        return Map.of("result", result.value(), "attempts", result.attempts());
    }
}

package io.steppe.ops.web;

import static io.steppe.db.schema.Tables.NAS;
import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.steppe.db.Database;
import io.steppe.radius.RadiusService;
import io.steppe.radius.coa.CoaResult;
import io.steppe.radius.coa.SessionTerminator;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleRequest;
import io.steppe.web.account.Account;
import io.steppe.web.account.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Who is online ({@code GET /api/sessions}) and ending a session through its gateway
 * ({@code POST /api/sessions/{id}/disconnect}, a Disconnect-Request). Operators see clients through
 * {@link Redaction}; admins in full.
 */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/api/sessions")
@ExecuteOn(TaskExecutors.BLOCKING)
final class SessionController {

    private static final int LIST_LIMIT = 1000;

    private final Database database;
    private final RadiusService radius;

    SessionController(Database database, RadiusService radius) {
        this.database = database;
        this.radius = radius;
    }

    /** One open session. */
    @Serdeable
    record SessionView(String id, String username, @Nullable String gateway, @Nullable String apMac, @Nullable String ssid,
                       @Nullable String clientMac, Instant startedAt, Instant updatedAt, long sessionTime, long inputOctets,
                       long outputOctets) {

        /** The same session as an operator may see it. */
        SessionView redacted() {
            return new SessionView(id, Redaction.username(username), gateway, apMac, ssid,
                    clientMac == null ? null : Redaction.mac(clientMac), startedAt, updatedAt, sessionTime, inputOctets, outputOctets);
        }
    }

    @Get
    List<SessionView> open(HttpRequest<?> request) {
        List<SessionView> open = all();
        return ConsoleRequest.account(request).role() == Role.ADMIN ? open : open.stream().map(SessionView::redacted).toList();
    }

    private List<SessionView> all() {
        return database.dsl().select(RADIUS_SESSION_OPEN.asterisk(), NAS.NAME).from(RADIUS_SESSION_OPEN)
                .leftJoin(NAS).on(NAS.ID.eq(RADIUS_SESSION_OPEN.NAS_ID))
                .orderBy(RADIUS_SESSION_OPEN.STARTED_AT.desc()).limit(LIST_LIMIT)
                .fetch(r -> new SessionView(r.get(RADIUS_SESSION_OPEN.UNIQUE_ID), r.get(RADIUS_SESSION_OPEN.USERNAME), r.get(NAS.NAME),
                        r.get(RADIUS_SESSION_OPEN.AP_MAC), r.get(RADIUS_SESSION_OPEN.SSID), r.get(RADIUS_SESSION_OPEN.CLIENT_MAC),
                        r.get(RADIUS_SESSION_OPEN.STARTED_AT).toInstant(), r.get(RADIUS_SESSION_OPEN.UPDATED_AT).toInstant(),
                        r.get(RADIUS_SESSION_OPEN.SESSION_TIME), r.get(RADIUS_SESSION_OPEN.INPUT_OCTETS),
                        r.get(RADIUS_SESSION_OPEN.OUTPUT_OCTETS)));
    }

    @Post("/{id}/disconnect")
    Map<String, Object> disconnect(String id, HttpRequest<?> request) throws InterruptedException {
        var sent = radius.terminator().disconnect(id, SessionTerminator.Reason.OPERATOR, ConsoleRequest.account(request).username())
                .orElseThrow(() -> new NoSuchSession(id));
        CoaResult result;
        try {
            result = sent.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Future.get's checked exceptions, named for what they mean here
            throw new GatewaySilent(e.getMessage());
        }
        return Map.of("result", result.value(), "attempts", result.attempts());
    }
}

package io.steppe.portal.web;

import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.db.Database;
import org.jooq.postgres.extensions.types.Inet;

/**
 * {@code GET /api/captive}: the RFC 8908 Captive Portal API for the client asking, identified by its address.
 * {@code captive} is false once the client has an open session.
 */
@Controller("/api/captive")
@ExecuteOn(TaskExecutors.BLOCKING)
final class CaptiveApiController {

    /** RFC 8908 §5 media type. */
    static final String MEDIA_TYPE = "application/captive+json";

    private final Database database;

    CaptiveApiController(Database database) {
        this.database = database;
    }

    @Get(produces = MEDIA_TYPE)
    HttpResponse<String> state(HttpRequest<?> request) {
        boolean online = database.dsl().fetchExists(RADIUS_SESSION_OPEN,
                RADIUS_SESSION_OPEN.FRAMED_IP.eq(Inet.valueOf(request.getRemoteAddress().getAddress())));
        String host = request.getHeaders().findFirst(HttpHeaders.HOST).orElse("localhost").replaceAll("[^A-Za-z0-9.:\\[\\]-]", "");
        // Written by hand: the codecs know application/json, not RFC 8908's own media type, and the object is tiny.
        String body = "{\"captive\":" + !online + ",\"user-portal-url\":\"http://" + host + "/\",\"can-extend-session\":false}";
        return HttpResponse.ok(body).contentType(MEDIA_TYPE).header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}

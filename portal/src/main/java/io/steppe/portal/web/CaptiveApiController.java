package io.steppe.portal.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.portal.PortalSettings;
import io.steppe.portal.session.ClientSessions;
import io.steppe.web.PortalListener;

/**
 * {@code GET /api/captive}: the RFC 8908 Captive Portal API for the client asking, identified by its address.
 * {@code captive} is false once the client has an open session, whose time and data left are then given. The
 * {@code user-portal-url} is the configured one: the request's Host is the client's to write.
 */
@PortalListener
@Controller("/api/captive")
@ExecuteOn(TaskExecutors.BLOCKING)
final class CaptiveApiController {

    /** RFC 8908 §5 media type. */
    static final String MEDIA_TYPE = "application/captive+json";

    private final ClientSessions sessions;
    private final OnlineStatus online;
    private final String portalUrl;

    CaptiveApiController(ClientSessions sessions, OnlineStatus online, PortalSettings settings) {
        this.sessions = sessions;
        this.online = online;
        this.portalUrl = settings.publicUrl().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Get(produces = MEDIA_TYPE)
    HttpResponse<String> state(HttpRequest<?> request) {
        java.util.Optional<ClientSessions.Remaining> left = sessions.remaining(online.device(request));
        // Written by hand: the codecs know application/json, not RFC 8908's own media type, and the object is tiny.
        String body = "{\"captive\":" + left.isEmpty() + ",\"user-portal-url\":\"" + portalUrl + "\""
                + left.map(l -> ",\"seconds-remaining\":" + l.seconds() + ",\"bytes-remaining\":" + l.octets()).orElse("")
                + ",\"can-extend-session\":false}";
        return HttpResponse.ok(body).contentType(MEDIA_TYPE).header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}

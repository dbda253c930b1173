package io.steppe.portal.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.portal.session.ClientSessions;
import io.steppe.web.PortalListener;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;

/** {@code GET /status}: what an online client has left today; {@code POST /logout}: end the session. */
@PortalListener
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class StatusController {

    private final ClientSessions sessions;
    private final Csrf csrf;

    StatusController(ClientSessions sessions) {
        this.sessions = sessions;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.csrf = new Csrf(key);
    }

    @Get(uri = "/status", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> status(HttpRequest<?> request, @QueryValue @Nullable String lang) {
        Messages m = Messages.choose(Optional.ofNullable(lang), request.getHeaders().findFirst(HttpHeaders.ACCEPT_LANGUAGE));
        String client = request.getRemoteAddress().getAddress().getHostAddress();
        String body = sessions.remaining(request.getRemoteAddress().getAddress())
                .map(left -> new PortalPages(m).status(left.seconds() / 60, left.octets() / (1024 * 1024), csrf.token("logout", client)))
                .orElseGet(() -> new PortalPages(m).message(m.get("status.title"), Optional.of(m.get("status.none")), Optional.empty()));
        return PortalResponses.html(io.micronaut.http.HttpStatus.OK, body, "");
    }

    @Post(uri = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> logout(HttpRequest<?> request, @Body Map<String, String> form) {
        Messages m = Messages.choose(Optional.ofNullable(form.get("lang")), request.getHeaders().findFirst(HttpHeaders.ACCEPT_LANGUAGE));
        PortalPages pages = new PortalPages(m);
        String client = request.getRemoteAddress().getAddress().getHostAddress();
        if (!csrf.valid(form.get("csrf"), "logout", client)) {
            return PortalResponses.html(io.micronaut.http.HttpStatus.FORBIDDEN,
                    pages.message(m.get("error.title"), Optional.of(m.get("error.csrf")), Optional.empty()), "");
        }
        boolean ended = sessions.logout(request.getRemoteAddress().getAddress());
        return PortalResponses.html(io.micronaut.http.HttpStatus.OK, pages.message(ended ? m.get("logoff.title") : m.get("status.title"),
                ended ? Optional.empty() : Optional.of(m.get("status.none")), Optional.empty()), "");
    }
}

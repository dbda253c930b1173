package io.steppe.portal.web;

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
import io.steppe.web.PortalListener;
import java.util.Map;
import java.util.Optional;

/** {@code GET /status}: what an online client has left today; {@code POST /logout}: end the session. */
@PortalListener
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class StatusController {

    private final OnlineStatus online;

    StatusController(OnlineStatus online) {
        this.online = online;
    }

    @Get(uri = "/status", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> status(HttpRequest<?> request, @QueryValue @Nullable String lang) {
        return online.status(request, LoginForms.messages(request, lang));
    }

    @Post(uri = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<String> logout(HttpRequest<?> request, @Body Map<String, String> form) {
        Messages m = LoginForms.messages(request, form.get("lang"));
        PortalPages pages = new PortalPages(m);
        if (!online.logoutAllowed(form.get("csrf"), request)) {
            return PortalResponses.html(HttpStatus.FORBIDDEN,
                    pages.message(m.get("error.title"), Optional.of(m.get("error.csrf")), Optional.empty()), "");
        }
        boolean ended = online.logout(request);
        return PortalResponses.html(HttpStatus.OK, pages.message(ended ? m.get("logoff.title") : m.get("status.title"),
                ended ? Optional.empty() : Optional.of(m.get("status.none")), Optional.empty()), "");
    }
}

package io.steppe.portal.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.steppe.web.Listeners;
import java.util.Optional;

/**
 * No phone is shown a framework's error: on the portal listener, an error answer that is not one of the portal's own
 * pages (the router's JSON "Page Not Found", a body it could not read, the perimeter's bare 404 for a console path) is
 * replaced by a page in the portal's layout and the visitor's language, with the same status. A console path thus
 * looks like any other unknown path. Ordered before the perimeter, so that it sees the perimeter's answers too.
 */
@Requires(beans = Listeners.class)
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class PortalErrorPages implements Ordered {

    private final Listeners listeners;

    PortalErrorPages(Listeners listeners) {
        this.listeners = listeners;
    }

    @ResponseFilter
    HttpResponse<?> replace(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (listeners.of(request) != Listeners.Listener.PORTAL || response.getStatus().getCode() < 400 || ours(response)) {
            return response;
        }
        Messages m = LoginForms.messages(request, request.getParameters().get("lang"));
        PortalPages pages = new PortalPages(m);
        String body = response.getStatus() == HttpStatus.NOT_FOUND || response.getStatus() == HttpStatus.METHOD_NOT_ALLOWED
                ? pages.message(m.get("notfound.title"), Optional.of(m.get("notfound.text")),
                        Optional.of(new String[] {m.get("notfound.link"), "/status?lang=" + m.language()}))
                : pages.message(m.get("error.title"), Optional.of(m.get("error.generic")), Optional.empty());
        // A 405 would say that something answers there; every unknown path is the same 404.
        HttpStatus status = response.getStatus() == HttpStatus.METHOD_NOT_ALLOWED ? HttpStatus.NOT_FOUND : response.getStatus();
        return PortalResponses.html(status, body, "");
    }

    /** The portal's own pages and RFC 8908's answers carry their content type; an error body of anything else is not ours. */
    private static boolean ours(MutableHttpResponse<?> response) {
        Optional<MediaType> type = response.getContentType();
        return type.isPresent() && (type.get().getName().equals(MediaType.TEXT_HTML)
                || type.get().getName().equals(CaptiveApiController.MEDIA_TYPE)) && response.getHeaders().contains(HttpHeaders.CACHE_CONTROL);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 50;
    }
}

package io.steppe.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.account.Account;
import java.util.Map;

/**
 * No operator is shown a framework's error: on the API listener, an error answer to a console page
 * ({@code /console/…}) that is not one of the console's own pages (the router's JSON "Page Not Found", a role
 * refused as JSON, a body it could not read, a failure) is replaced by a page in the console's layout and the
 * reader's language, with the same status. JSON callers of {@code /api/…} keep their JSON.
 */
@Requires(beans = Listeners.class)
@ServerFilter("/console/**")
final class ConsoleErrorPages implements Ordered {

    private final Listeners listeners;
    private final ConsoleLayout layout;

    ConsoleErrorPages(Listeners listeners, ConsoleLayout layout) {
        this.listeners = listeners;
        this.layout = layout;
    }

    @ResponseFilter
    HttpResponse<?> replace(HttpRequest<?> request, MutableHttpResponse<?> response) {
        int code = response.getStatus().getCode();
        if (listeners.of(request) != Listeners.Listener.API || code < 400 || isPage(response)) {
            return response;
        }
        Texts t = layout.texts(request);
        String key = switch (code) {
            case 400 -> "error.badRequest";
            case 403 -> "error.forbidden";
            case 404, 405 -> "error.notFound";
            case 413 -> "error.tooLarge";
            case 429 -> "error.tooMany";
            default -> code >= 500 ? "error.failed" : "error.other";
        };
        Account user = request.getAttribute(ConsoleRequest.ACCOUNT, Account.class).orElse(null);
        Link home = new Link(t.get("error.home"), "/console/");
        // a domain error's own words (JSON handlers say what was wrong, in English) follow the reader's language's
        String detail = response.getBody().filter(b -> b instanceof Map<?, ?>).map(b -> ((Map<?, ?>) b).get("error"))
                .map(e -> " (" + e + ")").orElse("");
        String body = layout.notice(layout.page(request, user, t.get(key + ".title")), new ConsoleLayout.Notice(t.get(key) + detail, true, home));
        // a 405 would say that something answers there; to a person it is the same missing page
        HttpStatus status = code == 405 ? HttpStatus.NOT_FOUND : response.getStatus();
        MutableHttpResponse<String> page = HttpResponse.status(status).body(body);
        response.getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Retry-After")) {
                values.forEach(v -> page.header(name, v));
            }
        });
        return page.contentType(MediaType.TEXT_HTML + ";charset=utf-8");
    }

    /**
     * The console's own pages are rendered text, whose content type the route's {@code produces} may only add later;
     * the framework's errors and the JSON handlers' bodies are objects, and are not for people.
     */
    private static boolean isPage(MutableHttpResponse<?> response) {
        return response.getBody().filter(body -> body instanceof CharSequence).isPresent()
                || response.getContentType().map(type -> type.getName().equals(MediaType.TEXT_HTML)).orElse(false);
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 60;
    }
}

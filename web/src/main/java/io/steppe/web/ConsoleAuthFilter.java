package io.steppe.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.web.router.UriRouteMatch;
import io.steppe.web.account.Account;
import io.steppe.web.account.ConsoleSessions;
import java.net.URI;
import java.util.Base64;
import java.util.Optional;

/**
 * Lets only logged-in console accounts reach the API listener, each only to the routes its role may call
 * ({@link Allowed}), but for the few routes marked {@link WithoutLogin}. JSON callers present
 * {@code Authorization: Bearer TOKEN}; console pages, the session cookie.
 */
@Requires(beans = Listeners.class)
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ConsoleAuthFilter implements Ordered {

    static final String COOKIE = "steppe_session";

    private final Listeners listeners;
    private final ConsoleSessions sessions;
    private final ConsoleLayout layout;

    ConsoleAuthFilter(Listeners listeners, ConsoleSessions sessions, ConsoleLayout layout) {
        this.listeners = listeners;
        this.sessions = sessions;
        this.layout = layout;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> requireLogin(HttpRequest<?> request) {
        String path = request.getPath();
        // no route: the router answers 404 or 405, to a caller without a login only after this filter's 401
        Optional<UriRouteInfo<?, ?>> route = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance).map(m -> ((UriRouteMatch<?, ?>) m).getRouteInfo());
        if (listeners.of(request) == Listeners.Listener.PORTAL || route.filter(RouteAccess::isWithoutLogin).isPresent()) {
            return null;
        }
        Optional<String> token = token(request);
        Optional<Account> account = token.flatMap(sessions::account);
        if (account.isEmpty()) {
            if (path.equals("/console") || path.startsWith("/console/")) {
                return HttpResponse.seeOther(URI.create("/console/login"));
            }
            return JsonErrorHandler.body(HttpStatus.UNAUTHORIZED, "login required: POST /api/login, then send Authorization: Bearer TOKEN")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"steppe\"");
        }
        request.setAttribute(ConsoleRequest.ACCOUNT, account.get());
        request.setAttribute(ConsoleRequest.CSRF, csrf(token.get()));
        if (route.isPresent() && !RouteAccess.roles(route.get()).contains(account.get().role())) {
            if (path.startsWith("/console/")) {
                return forbiddenPage(request, account.get());
            }
            return JsonErrorHandler.body(HttpStatus.FORBIDDEN, "a " + account.get().role().value() + "'s account may not do this");
        }
        return null;
    }

    /** A person who followed a link their role may not open is told so on a console page, in their language. */
    private HttpResponse<String> forbiddenPage(HttpRequest<?> request, Account account) {
        Texts t = layout.texts(request);
        String page = layout.notice(layout.page(request, t.get("forbidden.title"), ConsolePage.Link.here(t.get("forbidden.title"))),
                new ConsoleLayout.Notice(t.get("forbidden.text", t.of(account.role())), true,
                        new ConsolePage.Link(t.get("layout.console"), "/console/")));
        return HttpResponse.<String>status(HttpStatus.FORBIDDEN).body(page).contentType(MediaType.TEXT_HTML + ";charset=utf-8");
    }

    static Optional<String> token(HttpRequest<?> request) {
        return bearer(request).or(() -> request.getCookies().findCookie(COOKIE).map(Cookie::getValue));
    }

    /** The token of an {@code Authorization: Bearer} header, which a browser never adds on its own. */
    static Optional<String> bearer(HttpRequest<?> request) {
        return request.getHeaders().getAuthorization()
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim());
    }

    /**
     * Derived from the session token, so it needs no storage and ends with the session; a page of another site
     * can make the browser send the cookie but can read neither the cookie nor this.
     */
    static String csrf(String sessionToken) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Tokens.hash("steppe-csrf:" + sessionToken));
    }

    @Override
    public int getOrder() {
        return PerimeterFilter.ORDER + 100;
    }
}

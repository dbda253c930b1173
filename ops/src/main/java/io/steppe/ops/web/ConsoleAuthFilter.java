package io.steppe.ops.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.db.Tokens;
import io.steppe.ops.account.Account;
import io.steppe.ops.account.ConsoleSessions;
import io.steppe.ops.account.Role;
import java.net.URI;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lets only logged-in console accounts reach the API listener, but for the few paths that must answer
 * without a login: health and metrics (the operations network scrapes them), the login itself, and the
 * endpoints whose callers prove themselves otherwise (an AP's own token). JSON callers present
 * {@code Authorization: Bearer TOKEN}; console pages, the session cookie.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ConsoleAuthFilter implements Ordered {

    /** The request attribute that holds the logged-in {@link Account}. */
    static final String ACCOUNT = "steppe.account";
    static final String COOKIE = "steppe_session";
    /** The account's name alone, for modules that cannot know {@link Account} (the coverage API records who imported). */
    static final String ACTOR = "steppe.actor";
    /** The session's anti-forgery token, which console forms must send back (the coverage module reads it by this name). */
    static final String CSRF = "steppe.csrf";
    private static final Set<String> PUBLIC_PATHS = Set.of("/health", "/metrics", "/api/login", "/console/login",
            "/api/aps/heartbeat");

    private final Listeners listeners;
    private final ConsoleSessions sessions;

    ConsoleAuthFilter(Listeners listeners, ConsoleSessions sessions) {
        this.listeners = listeners;
        this.sessions = sessions;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> requireLogin(HttpRequest<?> request) {
        String path = request.getPath();
        if (listeners.of(request) == Listeners.Listener.PORTAL || PUBLIC_PATHS.contains(path)) {
            return null;
        }
        Optional<String> token = token(request);
        Optional<Account> account = token.flatMap(sessions::account);
        if (account.isPresent()) {
            if (account.get().role() == Role.OPERATOR && isCoverage(path)) {
                return HttpResponse.status(HttpStatus.FORBIDDEN)
                        .body(Map.of("error", "coverage is for planners' and admins' accounts"));
            }
            request.setAttribute(ACCOUNT, account.get());
            request.setAttribute(ACTOR, account.get().username());
            request.setAttribute(CSRF, csrf(token.get()));
            return null;
        }
        if (path.equals("/console") || path.startsWith("/console/")) {
            return HttpResponse.seeOther(URI.create("/console/login"));
        }
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"steppe\"")
                .body(Map.of("error", "login required: POST /api/login, then send Authorization: Bearer TOKEN"));
    }

    private static boolean isCoverage(String path) {
        return path.startsWith("/api/coverage/") || path.equals("/console/coverage") || path.startsWith("/console/coverage/");
    }

    static Optional<String> token(HttpRequest<?> request) {
        Optional<String> bearer = request.getHeaders().getAuthorization()
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim());
        return bearer.or(() -> request.getCookies().findCookie(COOKIE).map(Cookie::getValue));
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

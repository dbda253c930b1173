package io.steppe.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses, with 403, a state-changing request on the API listener that a browser sent from another site: a page
 * elsewhere can make the browser post a form with the console's session cookie, but the browser names that page
 * in {@code Origin} (or, from older browsers, {@code Referer}). Requests that carry their own bearer token (API
 * clients, APs) cannot be forged that way and are let through; so are those that name no origin at all (curl,
 * scripts), since only browsers add cookies on their own. The login forms are covered too, so that no site can
 * log a browser into an account of its choosing.
 */
@Requires(beans = Listeners.class)
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class OriginFilter implements Ordered {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Listeners listeners;

    OriginFilter(Listeners listeners) {
        this.listeners = listeners;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseForeignOrigin(HttpRequest<?> request) {
        if (listeners.of(request) != Listeners.Listener.API || SAFE_METHODS.contains(request.getMethodName())
                || ConsoleAuthFilter.bearer(request).isPresent()) {
            return null;
        }
        Optional<String> from = Optional.ofNullable(request.getHeaders().get(HttpHeaders.ORIGIN))
                .or(() -> Optional.ofNullable(request.getHeaders().get(HttpHeaders.REFERER)));
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (from.isEmpty() || (host != null && sameHost(from.get(), host))) {
            return null;
        }
        return JsonErrorHandler.body(HttpStatus.FORBIDDEN, "this request came from another site's page; nothing was changed");
    }

    /** Whether the origin or referrer URL {@code url} names the host and port of the {@code Host} header. */
    static boolean sameHost(String url, String host) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                return false; // "null" (a sandboxed frame, a file) or garbage
            }
            int port = uri.getPort() == -1 ? defaultPort(uri.getScheme()) : uri.getPort();
            return (uri.getHost() + ":" + port).toLowerCase(Locale.ROOT).equals(withPort(host.trim().toLowerCase(Locale.ROOT), uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String withPort(String host, String scheme) {
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > host.lastIndexOf(']');
        return hasPort ? host : host + ":" + defaultPort(scheme);
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }

    @Override
    public int getOrder() {
        return PerimeterFilter.ORDER + 50;
    }
}

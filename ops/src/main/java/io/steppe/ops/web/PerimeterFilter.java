package io.steppe.ops.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.util.Optional;

/**
 * Keeps the listeners apart: the portal listener answers only the portal module's routes, and the API
 * listener never serves portal pages. A route on the wrong listener is answered 404, as if it did not
 * exist, so a Wi-Fi client cannot even learn that the console is there.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class PerimeterFilter implements Ordered {

    static final int ORDER = HIGHEST_PRECEDENCE + 100;
    private static final String PORTAL_PACKAGE = "io.steppe.portal";

    private final Listeners listeners;

    PerimeterFilter(Listeners listeners) {
        this.listeners = listeners;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> keepListenersApart(HttpRequest<?> request) {
        boolean onPortal = listeners.of(request) == Listeners.Listener.PORTAL;
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        boolean portalRoute = route.map(PerimeterFilter::isPortalRoute).orElse(false);
        if (route.isPresent() && onPortal != portalRoute) {
            return HttpResponse.notFound();
        }
        return null;
    }

    private static boolean isPortalRoute(RouteMatch<?> match) {
        String name = match.getRouteInfo().getDeclaringType().getName();
        return name.startsWith(PORTAL_PACKAGE + ".");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

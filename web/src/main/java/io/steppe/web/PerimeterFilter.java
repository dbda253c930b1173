package io.steppe.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;

/**
 * Keeps the listeners apart: the portal listener answers only the routes marked {@link PortalListener}, and the
 * API listener never serves them. A path that belongs to the other listener is answered a plain 404, whatever the
 * method: a 405 with an {@code Allow} header would tell a Wi-Fi client that the console is there. The router
 * answers 405 before any route is matched, so the decision looks at every route of the path, not only the
 * request's own.
 */
@Requires(beans = Listeners.class)
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class PerimeterFilter implements Ordered {

    static final int ORDER = HIGHEST_PRECEDENCE + 100;

    private final Listeners listeners;
    private final Router router;

    PerimeterFilter(Listeners listeners, Router router) {
        this.listeners = listeners;
        this.router = router;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> keepListenersApart(HttpRequest<?> request) {
        boolean onPortal = listeners.of(request) == Listeners.Listener.PORTAL;
        var route = RouteAttributes.getRouteMatch(request);
        if (route.isPresent()) {
            return isPortal(route.get().getRouteInfo()) == onPortal ? null : HttpResponse.notFound();
        }
        boolean foreignPath = router.findAny(request.getPath(), request)
                .anyMatch(m -> isPortal(((UriRouteMatch<?, ?>) m).getRouteInfo()) != onPortal);
        return foreignPath ? HttpResponse.notFound() : null;
    }

    private static boolean isPortal(RouteInfo<?> route) {
        return route.getDeclaringType().isAnnotationPresent(PortalListener.class);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

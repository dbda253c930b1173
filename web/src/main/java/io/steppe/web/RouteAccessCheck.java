package io.steppe.web;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.web.router.Router;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names, at startup, every route of the API listener that says neither {@link Allowed} nor {@link WithoutLogin}:
 * such a route is refused to everyone, which is safe but surely not what whoever added it meant.
 */
@Singleton
final class RouteAccessCheck implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(RouteAccessCheck.class);

    private final Router router;

    RouteAccessCheck(Router router) {
        this.router = router;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        router.uriRoutes()
                .filter(r -> !r.getDeclaringType().isAnnotationPresent(PortalListener.class))
                .filter(r -> !RouteAccess.isWithoutLogin(r) && RouteAccess.roles(r).isEmpty())
                .forEach(r -> LOG.warn("{} {} is refused to every role: it says neither @Allowed nor @WithoutLogin",
                        r.getHttpMethodName(), r.getUriMatchTemplate().toPathString()));
    }
}

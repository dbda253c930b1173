package io.steppe.ops.web;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.web.router.Router;
import io.steppe.portal.web.PortalListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names, at startup, every route of the API listener that {@link AccessRules} does not list: such a route is
 * refused to everyone, which is safe but surely not what whoever added it meant.
 */
@Singleton
final class AccessRulesCheck implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AccessRulesCheck.class);

    private final Router router;

    AccessRulesCheck(Router router) {
        this.router = router;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        router.uriRoutes()
                .filter(r -> !r.getDeclaringType().isAnnotationPresent(PortalListener.class))
                .map(r -> new AccessRules.Route(r.getHttpMethodName(), r.getUriMatchTemplate().toPathString()))
                .filter(r -> !AccessRules.isPublic(r.method(), r.template()) && AccessRules.roles(r.method(), r.template()).isEmpty())
                .forEach(r -> LOG.warn("{} {} is refused to every role: it is not in AccessRules", r.method(), r.template()));
    }
}

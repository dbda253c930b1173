package io.steppe.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.RouteInfo;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;
import io.steppe.web.account.Role;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may call a route, read from the {@link Allowed} and {@link WithoutLogin} its controller declares; a route
 * with neither is open to no role (deny by default).
 */
@Singleton
public final class RouteAccess {

    private final Router router;

    RouteAccess(Router router) {
        this.router = router;
    }

    static boolean isWithoutLogin(RouteInfo<?> route) {
        return route.getAnnotationMetadata().hasAnnotation(WithoutLogin.class);
    }

    static Set<Role> roles(RouteInfo<?> route) {
        Role[] roles = route.getAnnotationMetadata().enumValues(Allowed.class, Role.class);
        return roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles);
    }

    /** Whether an account of this role may open the console page at {@code path}; false for a path no route serves. */
    public boolean mayOpen(Role role, String path) {
        return router.find(HttpMethod.GET, path, null).findFirst()
                .map(m -> roles(((UriRouteMatch<?, ?>) m).getRouteInfo()).contains(role)).orElse(false);
    }
}

package io.steppe.web;

import io.steppe.web.account.Role;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles whose console accounts may call a route of the API listener, declared on the controller (for all its
 * routes) or on one route. A route with neither this nor {@link WithoutLogin} is refused to everyone, so a new
 * endpoint is closed until whoever adds it says who it is for; {@link RouteAccessCheck} names such routes at startup.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allowed {

    Role[] value();
}

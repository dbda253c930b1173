package io.steppe.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route of the API listener that answers without a console login: health and metrics for the operations network,
 * the logins themselves, the login page's stylesheet, and heartbeats, whose AP proves itself with its own token.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface WithoutLogin {
}

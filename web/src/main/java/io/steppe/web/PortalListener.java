package io.steppe.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose routes are served on the portal listener, which Wi-Fi clients reach, and only there.
 * Every other route lives on the API listener alone; the launcher's perimeter filter reads this mark.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PortalListener {
}

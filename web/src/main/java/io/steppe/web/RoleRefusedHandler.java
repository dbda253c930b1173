package io.steppe.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import jakarta.inject.Singleton;

/** 403 saying whose account may not do this. */
@Singleton
@Produces
final class RoleRefusedHandler extends JsonErrorHandler<RoleRefused> {

    RoleRefusedHandler() {
        super(HttpStatus.FORBIDDEN);
    }
}

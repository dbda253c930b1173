package io.steppe.ops.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.steppe.web.JsonErrorHandler;
import jakarta.inject.Singleton;

/** 400 naming the parameter that cannot be read. */
@Singleton
@Produces
final class BadQueryParameterHandler extends JsonErrorHandler<BadQueryParameter> {

    BadQueryParameterHandler() {
        super(HttpStatus.BAD_REQUEST);
    }
}

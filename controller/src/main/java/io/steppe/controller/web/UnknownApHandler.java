package io.steppe.controller.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.steppe.web.JsonErrorHandler;
import jakarta.inject.Singleton;

/** 404 naming the AP id that is not there. */
@Singleton
@Produces
final class UnknownApHandler extends JsonErrorHandler<UnknownAp> {

    UnknownApHandler() {
        super(HttpStatus.NOT_FOUND);
    }
}

package io.steppe.controller.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.steppe.web.JsonErrorHandler;
import jakarta.inject.Singleton;

/** 404 naming the alert id that is not there. */
@Singleton
@Produces
final class UnknownAlertHandler extends JsonErrorHandler<UnknownAlert> {

    UnknownAlertHandler() {
        super(HttpStatus.NOT_FOUND);
    }
}

package io.steppe.controller.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.steppe.web.JsonErrorHandler;
import jakarta.inject.Singleton;

/** 400 with the message that names the bad parameter or field. */
@Singleton
@Produces
final class BadControllerRequestHandler extends JsonErrorHandler<BadControllerRequest> {

    BadControllerRequestHandler() {
        super(HttpStatus.BAD_REQUEST);
    }
}

package io.steppe.coverage.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.steppe.web.JsonErrorHandler;
import jakarta.inject.Singleton;

/** 400 with the message that names the bad parameter or field. */
@Singleton
@Produces
final class BadCoverageRequestHandler extends JsonErrorHandler<BadCoverageRequest> {

    BadCoverageRequestHandler() {
        super(HttpStatus.BAD_REQUEST);
    }
}

package io.steppe.coverage.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.steppe.coverage.gap.NoSuchGapException;
import io.steppe.web.JsonErrorHandler;
import jakarta.inject.Singleton;

/** 404 naming the gap id that is not there. */
@Singleton
@Produces
final class NoSuchGapHandler extends JsonErrorHandler<NoSuchGapException> {

    NoSuchGapHandler() {
        super(HttpStatus.NOT_FOUND);
    }
}

package io.steppe.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import jakarta.inject.Singleton;

/** 400 naming the missing field. */
@Singleton
@Produces
final class MissingFieldHandler extends JsonErrorHandler<MissingField> {

    MissingFieldHandler() {
        super(HttpStatus.BAD_REQUEST);
    }
}

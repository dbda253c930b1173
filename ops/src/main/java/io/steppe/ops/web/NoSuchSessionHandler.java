package io.steppe.ops.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.steppe.web.JsonErrorHandler;
import jakarta.inject.Singleton;

/** 404 naming the session id that is not open. */
@Singleton
@Produces
final class NoSuchSessionHandler extends JsonErrorHandler<NoSuchSession> {

    NoSuchSessionHandler() {
        super(HttpStatus.NOT_FOUND);
    }
}

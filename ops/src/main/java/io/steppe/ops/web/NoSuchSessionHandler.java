package io.steppe.ops.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** 404 naming the session id that is not open. */
@Singleton
@Produces
final class NoSuchSessionHandler implements ExceptionHandler<NoSuchSession, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, NoSuchSession exception) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(Map.of("error", exception.getMessage()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}

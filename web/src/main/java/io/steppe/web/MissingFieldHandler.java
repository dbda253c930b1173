package io.steppe.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** 400 naming the missing field. */
@Singleton
@Produces
final class MissingFieldHandler implements ExceptionHandler<MissingField, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, MissingField exception) {
        return HttpResponse.status(HttpStatus.BAD_REQUEST).body(Map.of("error", exception.getMessage()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}

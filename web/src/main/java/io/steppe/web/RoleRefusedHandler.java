package io.steppe.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** 403 saying whose account may not do this. */
@Singleton
@Produces
final class RoleRefusedHandler implements ExceptionHandler<RoleRefused, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, RoleRefused exception) {
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(Map.of("error", exception.getMessage()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}

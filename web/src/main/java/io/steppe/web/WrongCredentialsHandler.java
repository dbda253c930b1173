package io.steppe.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** 401 for a failed API login (the form login answers its page itself). */
@Singleton
@Produces
final class WrongCredentialsHandler implements ExceptionHandler<WrongCredentials, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, WrongCredentials exception) {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", exception.getMessage()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}

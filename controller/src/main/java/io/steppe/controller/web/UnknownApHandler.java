package io.steppe.controller.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** 404 naming the AP id that is not there. */
@Singleton
@Produces
final class UnknownApHandler implements ExceptionHandler<UnknownAp, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, UnknownAp exception) {
        return HttpResponse.notFound(Map.of("error", exception.getMessage())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}

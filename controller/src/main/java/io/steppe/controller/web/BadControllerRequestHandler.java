package io.steppe.controller.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** 400 with the message that names the bad parameter or field. */
@Singleton
@Produces
final class BadControllerRequestHandler implements ExceptionHandler<BadControllerRequest, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, BadControllerRequest exception) {
        return HttpResponse.badRequest(Map.of("error", exception.getMessage())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}

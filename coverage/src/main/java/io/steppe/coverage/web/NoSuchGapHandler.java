package io.steppe.coverage.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.steppe.coverage.gap.NoSuchGapException;
import jakarta.inject.Singleton;
import java.util.Map;

/** 404 naming the gap id that is not there. */
@Singleton
@Produces
final class NoSuchGapHandler implements ExceptionHandler<NoSuchGapException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, NoSuchGapException exception) {
        return HttpResponse.notFound(Map.of("error", exception.getMessage())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}

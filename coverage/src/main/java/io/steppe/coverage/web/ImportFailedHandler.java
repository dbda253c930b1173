package io.steppe.coverage.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.steppe.coverage.importer.ImportFailedException;
import jakarta.inject.Singleton;
import java.util.Map;

/** An upload the database could not take: 503 with what to do, never the SQL behind it (that is in the log). */
@Singleton
@Produces
final class ImportFailedHandler implements ExceptionHandler<ImportFailedException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ImportFailedException exception) {
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .body(Map.of("error", exception.getMessage())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}

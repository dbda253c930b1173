package io.steppe.coverage.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.steppe.coverage.importer.ImportFailedException;
import io.steppe.web.JsonErrorHandler;
import jakarta.inject.Singleton;

/** An upload the database could not take: 503 with what to do, never the SQL behind it (that is in the log). */
@Singleton
@Produces
final class ImportFailedHandler extends JsonErrorHandler<ImportFailedException> {

    ImportFailedHandler() {
        super(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Override
    protected MutableHttpResponse<?> headers(MutableHttpResponse<?> response, ImportFailedException exception) {
        return response.header(HttpHeaders.RETRY_AFTER, "30");
    }
}

package io.steppe.coverage.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** 400 saying why the upload was refused as a whole. */
@Singleton
@Produces
final class BadUploadHandler implements ExceptionHandler<BadUpload, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, BadUpload exception) {
        return HttpResponse.badRequest(Map.of("error", exception.getMessage())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}

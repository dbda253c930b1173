package io.steppe.coverage.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.steppe.web.JsonErrorHandler;
import jakarta.inject.Singleton;

/** 400 saying why the upload was refused as a whole. */
@Singleton
@Produces
final class BadUploadHandler extends JsonErrorHandler<BadUpload> {

    BadUploadHandler() {
        super(HttpStatus.BAD_REQUEST);
    }
}

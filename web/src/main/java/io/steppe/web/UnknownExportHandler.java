package io.steppe.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import jakarta.inject.Singleton;

/** 400 naming the formats on offer. */
@Singleton
@Produces
final class UnknownExportHandler extends JsonErrorHandler<UnknownExport> {

    UnknownExportHandler() {
        super(HttpStatus.BAD_REQUEST);
    }
}

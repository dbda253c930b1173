package io.steppe.ops.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.steppe.ops.compliance.AccessLogRefused;
import io.steppe.web.JsonErrorHandler;
import jakarta.inject.Singleton;

/** 400 naming what an access-log request lacks or cannot be read. */
@Singleton
@Produces
final class AccessLogRefusedHandler extends JsonErrorHandler<AccessLogRefused> {

    AccessLogRefusedHandler() {
        super(HttpStatus.BAD_REQUEST);
    }
}

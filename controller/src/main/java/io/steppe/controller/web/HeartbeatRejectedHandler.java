package io.steppe.controller.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.steppe.controller.ControllerService;
import io.steppe.controller.heartbeat.HeartbeatRejected;
import io.steppe.web.JsonErrorHandler;
import jakarta.inject.Singleton;

/**
 * A refused heartbeat: the status its kind carries, counted by kind here so that every refusal is counted once
 * however it arose; an AP is told how to authenticate (401) or when to try again (503).
 */
@Singleton
@Produces
final class HeartbeatRejectedHandler extends JsonErrorHandler<HeartbeatRejected> {

    private final ControllerService controller;

    HeartbeatRejectedHandler(ControllerService controller) {
        super(HttpStatus.BAD_REQUEST);
        this.controller = controller;
    }

    @Override
    protected HttpStatus status(HeartbeatRejected rejected) {
        return HttpStatus.valueOf(rejected.kind().status());
    }

    @Override
    protected MutableHttpResponse<?> headers(MutableHttpResponse<?> response, HeartbeatRejected rejected) {
        controller.counters().reject(rejected.kind());
        return switch (rejected.kind()) {
            case UNAUTHORIZED -> response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"steppe-ap\"");
            case OVERLOADED -> response.header(HttpHeaders.RETRY_AFTER, "5");
            default -> response;
        };
    }
}

package io.steppe.controller.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.steppe.controller.ControllerService;
import io.steppe.controller.heartbeat.HeartbeatRejected;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * A refused heartbeat: the status its kind carries, counted by kind here so that every refusal is counted once
 * however it arose; an AP is told how to authenticate (401) or when to try again (503).
 */
@Singleton
@Produces
final class HeartbeatRejectedHandler implements ExceptionHandler<HeartbeatRejected, HttpResponse<?>> {

    private final ControllerService controller;

    HeartbeatRejectedHandler(ControllerService controller) {
        this.controller = controller;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, HeartbeatRejected rejected) {
        controller.counters().reject(rejected.kind());
        MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.valueOf(rejected.kind().status()))
                .body(Map.of("error", rejected.getMessage())).contentType(MediaType.APPLICATION_JSON_TYPE);
        if (rejected.kind() == HeartbeatRejected.Kind.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"steppe-ap\"");
        }
        if (rejected.kind() == HeartbeatRejected.Kind.OVERLOADED) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        return response;
    }
}

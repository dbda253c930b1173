package io.steppe.ops.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** 502: the gateway, not Steppe, failed to end the session. */
@Singleton
@Produces
final class GatewaySilentHandler implements ExceptionHandler<GatewaySilent, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, GatewaySilent exception) {
        return HttpResponse.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", exception.getMessage()))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}

package io.steppe.ops.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.steppe.web.JsonErrorHandler;
import jakarta.inject.Singleton;

/** 502: the gateway, not Steppe, failed to end the session. */
@Singleton
@Produces
final class GatewaySilentHandler extends JsonErrorHandler<GatewaySilent> {

    GatewaySilentHandler() {
        super(HttpStatus.BAD_GATEWAY);
    }
}

package io.steppe.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import jakarta.inject.Singleton;

/** 401 for a failed API login (the form login answers its page itself). */
@Singleton
@Produces
final class WrongCredentialsHandler extends JsonErrorHandler<WrongCredentials> {

    WrongCredentialsHandler() {
        super(HttpStatus.UNAUTHORIZED);
    }
}

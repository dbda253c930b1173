package io.steppe.coverage.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.steppe.web.ConsoleTexts;
import io.steppe.web.JsonErrorHandler;
import jakarta.inject.Singleton;

/** 400 with the message that names the bad parameter or field, in the caller's language when the bundle has its words. */
@Singleton
@Produces
final class BadCoverageRequestHandler implements ExceptionHandler<BadCoverageRequest, HttpResponse<?>> {

    private final ConsoleTexts texts;

    BadCoverageRequestHandler(ConsoleTexts texts) {
        this.texts = texts;
    }

    /** Micronaut declares the request parameter raw; a parameterised one would not override it. */
    @Override
    @SuppressWarnings("rawtypes")
    public HttpResponse<?> handle(HttpRequest request, BadCoverageRequest exception) {
        return JsonErrorHandler.body(HttpStatus.BAD_REQUEST, exception.say(texts.of((HttpRequest<?>) request)));
    }
}

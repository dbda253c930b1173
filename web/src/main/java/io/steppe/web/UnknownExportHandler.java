package io.steppe.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 400 naming the formats on offer, in the caller's language. */
@Singleton
@Produces
final class UnknownExportHandler implements ExceptionHandler<UnknownExport, HttpResponse<?>> {

    private final ConsoleTexts texts;

    UnknownExportHandler(ConsoleTexts texts) {
        this.texts = texts;
    }

    @Override
    @SuppressWarnings("rawtypes") // Micronaut declares the request raw; a parameterised one would not override it
    public HttpResponse<?> handle(HttpRequest request, UnknownExport e) {
        return JsonErrorHandler.body(HttpStatus.BAD_REQUEST, e.say(texts.of((HttpRequest<?>) request)));
    }
}

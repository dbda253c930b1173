package io.steppe.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** 429 with {@code Retry-After}: the login form again for people, JSON for API clients. */
@Singleton
final class LoginThrottledHandler implements ExceptionHandler<LoginThrottledException, HttpResponse<?>> {

    private final ConsolePages pages;
    private final ConsoleLayout layout;

    LoginThrottledHandler(ConsolePages pages, ConsoleLayout layout) {
        this.pages = pages;
        this.layout = layout;
    }

    @Override
    @SuppressWarnings("rawtypes") // Micronaut declares the request raw; a parameterised one would not override it
    public HttpResponse<?> handle(HttpRequest request, LoginThrottledException e) {
        MutableHttpResponse<?> response = request.getPath().startsWith("/console/")
                ? HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(pages.login(request, layout.texts(request).get("login.throttled", e.retryAfterSeconds())))
                        .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                : JsonErrorHandler.body(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        return response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }
}

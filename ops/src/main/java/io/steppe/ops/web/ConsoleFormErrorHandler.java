package io.steppe.ops.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;

/**
 * The answer to another module's domain error raised by an admin page's form: the same page as a
 * {@link ConsoleFormRefused}, saying why in the reader's language. One subclass per exception type.
 *
 * @param <E> the domain exception this handler answers
 */
abstract class ConsoleFormErrorHandler<E extends Exception> implements ExceptionHandler<E, HttpResponse<String>> {

    private final ConsoleFormRefusedHandler pages;

    ConsoleFormErrorHandler(ConsoleFormRefusedHandler pages) {
        this.pages = pages;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public final HttpResponse<String> handle(HttpRequest request, E exception) {
        return pages.handle(request, refusal(exception));
    }

    /** What the page says, with its status and where it leads back to. */
    abstract ConsoleFormRefused refusal(E exception);
}

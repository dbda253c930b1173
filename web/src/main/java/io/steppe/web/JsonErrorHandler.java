package io.steppe.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import java.util.Map;

/**
 * The answer every JSON API gives to a domain error: a status and {@code {"error": "…"}} naming the problem.
 * One subclass per exception type, registered as a {@code @Singleton @Produces} bean, so controllers only throw.
 *
 * @param <E> the domain exception this handler answers
 */
public abstract class JsonErrorHandler<E extends Exception> implements ExceptionHandler<E, HttpResponse<?>> {

    private final HttpStatus status;

    protected JsonErrorHandler(HttpStatus status) {
        this.status = status;
    }

    /** Micronaut declares the request parameter raw; a parameterised one would not override it. */
    @Override
    @SuppressWarnings("rawtypes")
    public final HttpResponse<?> handle(HttpRequest request, E exception) {
        return headers(body(status(exception), exception.getMessage()), exception);
    }

    /** The JSON error body with its status, for the few answers that are not a handler's. */
    public static MutableHttpResponse<?> body(HttpStatus status, String message) {
        return HttpResponse.status(status).body(Map.of("error", message)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /** The status for this exception; the constructor's unless the exception carries its own. */
    protected HttpStatus status(E exception) {
        return status;
    }

    /** Headers this error adds (Retry-After, WWW-Authenticate). */
    protected MutableHttpResponse<?> headers(MutableHttpResponse<?> response, E exception) {
        return response;
    }
}

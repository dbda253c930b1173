package io.steppe.controller.web;

import java.util.function.Supplier;

/**
 * A parameter or body field of a request to the controller API that is not acceptable; the message names it and says
 * what would be.
 */
final class BadControllerRequest extends RuntimeException {

    BadControllerRequest(String message) {
        super(message, null, false, false);
    }

    /**
     * Runs a parse of what the caller sent. The domain parsers ({@code MacAddress}, the CSV import…) refuse bad
     * values with an {@link IllegalArgumentException} that already names the value; here that becomes a 400,
     * while the same exception anywhere else stays a 500, since there it is a bug.
     */
    static <T> T parsing(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new BadControllerRequest(e.getMessage());
        }
    }
}

package io.steppe.coverage.web;

import java.util.function.Supplier;

/**
 * A parameter or body field of a request to the coverage API that is not acceptable; the message names it and says
 * what would be.
 */
final class BadCoverageRequest extends RuntimeException {

    BadCoverageRequest(String message) {
        super(message, null, false, false);
    }

    /**
     * Runs a parse of what the caller sent. The domain parsers ({@code OperatorCode}, {@code Periods},
     * {@code GapStatus}…) refuse bad values with an {@link IllegalArgumentException} that already names the value;
     * here that becomes a 400, while the same exception anywhere else stays a 500, since there it is a bug.
     */
    static <T> T parsing(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new BadCoverageRequest(e.getMessage());
        }
    }
}

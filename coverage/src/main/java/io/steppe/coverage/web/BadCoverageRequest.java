package io.steppe.coverage.web;

import io.micronaut.core.annotation.Nullable;
import io.steppe.web.Texts;
import java.util.function.Supplier;

/**
 * A parameter or body field of a request to the coverage API that is not acceptable; the message names it and says
 * what would be. One whose words are in the bundle is answered in the caller's language.
 */
final class BadCoverageRequest extends RuntimeException {

    @Nullable
    private final transient String key;
    private final transient Object[] args;

    BadCoverageRequest(String message) {
        this(message, null);
    }

    private BadCoverageRequest(String message, @Nullable String key, Object... args) {
        super(message, null, false, false);
        this.key = key;
        this.args = args.clone();
    }

    /** A refusal whose words are the bundle's {@code key} with {@code args}; its message, for logs, is the key and arguments. */
    static BadCoverageRequest worded(String key, Object... args) {
        return new BadCoverageRequest(key + " " + java.util.Arrays.toString(args), key, args);
    }

    /** What to tell a caller who reads {@code t}'s language. */
    String say(Texts t) {
        return key == null ? getMessage() : t.get(key, args);
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

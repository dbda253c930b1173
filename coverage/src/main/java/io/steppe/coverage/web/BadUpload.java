package io.steppe.coverage.web;

import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** An upload of samples the importer would not take as a whole; the message says why (the rows' own problems go in the report). */
final class BadUpload extends RuntimeException {

    BadUpload(String message) {
        super(message, null, false, false);
    }

    /**
     * Runs an import of the request body. The importer refuses a bad source name or an unreadable format with an
     * {@link IllegalArgumentException}; an {@link UncheckedIOException} means the body broke off (the client went
     * away, or the upload passed {@code micronaut.server.max-request-size}). Both are the upload's fault, not ours.
     */
    static <T> T importing(Supplier<T> importer) {
        try {
            return importer.get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new BadUpload(e.getMessage());
        }
    }
}

package io.steppe.coverage.importer;

/**
 * An import that could not finish for the database's sake, not the upload's; the message says what was stored and
 * what to do, and names no SQL (the details go to the log).
 */
public final class ImportFailedException extends RuntimeException {

    public ImportFailedException(String message) {
        super(message, null, false, false);
    }
}

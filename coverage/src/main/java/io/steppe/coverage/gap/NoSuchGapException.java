package io.steppe.coverage.gap;

/** A gap id that is not there. */
public final class NoSuchGapException extends RuntimeException {
    public NoSuchGapException(long id) {
        super("no gap with id " + id, null, false, false);
    }
}

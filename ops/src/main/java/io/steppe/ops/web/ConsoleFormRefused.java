package io.steppe.ops.web;

import io.micronaut.http.HttpStatus;

/**
 * A console form the admin pages cannot act on: a forged or stale form, a field out of range, a change refused. The
 * reader is told why in their language ({@code key} and {@code args} in the admin bundle) and sent back to the page.
 */
final class ConsoleFormRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String key;
    private final transient Object[] args;
    private final String back;

    ConsoleFormRefused(HttpStatus status, String back, String key, Object... args) {
        super(key, null, false, false);
        this.status = status;
        this.back = back;
        this.key = key;
        this.args = args.clone();
    }

    /** A form without this session's anti-forgery token. */
    static ConsoleFormRefused forged(String back) {
        return new ConsoleFormRefused(HttpStatus.FORBIDDEN, back, "form.forged");
    }

    HttpStatus status() {
        return status;
    }

    String key() {
        return key;
    }

    Object[] args() {
        return args.clone();
    }

    /** The page the form was on. */
    String back() {
        return back;
    }
}

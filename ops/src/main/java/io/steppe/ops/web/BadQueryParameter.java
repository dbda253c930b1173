package io.steppe.ops.web;

/** A query parameter that cannot be read, named with what it should be; answered 400 by its handler. */
final class BadQueryParameter extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadQueryParameter(String name, String expected) {
        super("parameter '" + name + "' must be " + expected, null, false, false);
    }
}

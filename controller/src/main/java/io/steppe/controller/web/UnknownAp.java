package io.steppe.controller.web;

/** An AP id that is neither registered nor in the last evaluation. */
final class UnknownAp extends RuntimeException {

    UnknownAp(String id) {
        super("no AP with id '" + id + "'", null, false, false);
    }
}

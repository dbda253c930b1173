package io.steppe.controller.web;

/** An alert id that is not stored. */
final class UnknownAlert extends RuntimeException {

    UnknownAlert(long id) {
        super("no alert with id " + id, null, false, false);
    }
}

package io.steppe.web;

/** A JSON body without a field the endpoint needs. */
final class MissingField extends RuntimeException {

    MissingField(String field) {
        super("field '" + field + "' is required", null, false, false);
    }
}

package io.steppe.ops.web;

/** A logged-in account whose role may not call what it called. */
final class RoleRefused extends RuntimeException {

    RoleRefused(String message) {
        super(message, null, false, false);
    }
}

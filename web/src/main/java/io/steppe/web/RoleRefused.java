package io.steppe.web;

/** A logged-in account whose role may not call what it called. */
public final class RoleRefused extends RuntimeException {

    public RoleRefused(String message) {
        super(message, null, false, false);
    }
}

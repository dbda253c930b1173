package io.steppe.web;

import java.time.Duration;

/** A console login refused unchecked because its account or its address failed too often lately. */
final class LoginThrottledException extends RuntimeException {

    private final Duration wait;

    LoginThrottledException(Duration wait) {
        super("too many failed logins; try again in " + Math.max(1, wait.toSeconds()) + " s", null, false, false);
        this.wait = wait;
    }

    /** Whole seconds, rounded up, for {@code Retry-After}. */
    long retryAfterSeconds() {
        return Math.max(1, wait.plusMillis(999).toSeconds());
    }
}

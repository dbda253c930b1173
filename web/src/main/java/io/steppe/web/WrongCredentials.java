package io.steppe.web;

/** A console login whose user name or password is wrong; which of the two is not said, so names cannot be probed. */
final class WrongCredentials extends RuntimeException {

    /** Also what the login form shows and what the throttle records. */
    static final String MESSAGE = "wrong user name or password";

    WrongCredentials() {
        super(MESSAGE, null, false, false);
    }
}

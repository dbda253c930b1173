package io.steppe.web.account;

/** A change that would leave the console without an admin, whom only the server's CLI could then replace. */
public final class LastAdmin extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LastAdmin(String username) {
        super("'" + username + "' is the last admin; make another account an admin first", null, false, false);
    }
}

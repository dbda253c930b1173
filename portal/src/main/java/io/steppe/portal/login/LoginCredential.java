package io.steppe.portal.login;

/** A one-time user name and password for the gateway's {@code /logon}; never shown by {@link #toString()}. */
public record LoginCredential(String username, String password) {

    @Override
    public String toString() {
        return "LoginCredential[" + username + ", ***]";
    }
}

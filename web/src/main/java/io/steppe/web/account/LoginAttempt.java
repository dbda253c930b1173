package io.steppe.web.account;

import java.net.InetAddress;

/**
 * Who tries to log in: the user name as typed, reduced to a safe alphabet (it is stored, audited and logged, and
 * may be anything), and the client's TCP address.
 */
public record LoginAttempt(String username, String address) {

    private static final int MAX_NAME = 64;

    public static LoginAttempt of(String typedName, InetAddress address) {
        String name = typedName == null ? "" : typedName.trim();
        String safe = name.replaceAll("[^A-Za-z0-9._@-]", "?");
        if (safe.length() > MAX_NAME) {
            safe = safe.substring(0, MAX_NAME);
        }
        return new LoginAttempt(safe.isEmpty() ? "?" : safe, address.getHostAddress());
    }

    /** The audit log's actor for what an unauthenticated caller did: its address. */
    public String actor() {
        return "ip:" + address;
    }
}

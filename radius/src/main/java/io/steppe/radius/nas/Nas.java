package io.steppe.radius.nas;

import java.util.Objects;
import java.util.Optional;

/**
 * A gateway allowed to send RADIUS to Steppe.
 *
 * @param name                         unique, as given to {@code steppe nas add --name}
 * @param address                      the address or range it sends from
 * @param secret                       the RADIUS shared secret
 * @param uamSecret                    the secret of the CoovaChilli UAM redirect, if the gateway uses one
 * @param coaPort                      where it listens for CoA and Disconnect-Request (RFC 5176)
 * @param requireMessageAuthenticator  BlastRADIUS policy for its requests
 * @param limitProxyState              BlastRADIUS policy for its requests that carry Proxy-State
 */
public record Nas(String name, NasAddress address, String secret, Optional<String> uamSecret, int coaPort,
                  MessageAuthenticatorPolicy requireMessageAuthenticator, MessageAuthenticatorPolicy limitProxyState) {

    public static final int DEFAULT_COA_PORT = 3799;
    private static final int MAX_SECRET_LENGTH = 128;

    public Nas {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(uamSecret, "uamSecret");
        Objects.requireNonNull(requireMessageAuthenticator, "requireMessageAuthenticator");
        Objects.requireNonNull(limitProxyState, "limitProxyState");
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new IllegalArgumentException("name '" + name
                    + "' must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        requireSecret("secret", secret);
        uamSecret.ifPresent(u -> requireSecret("UAM secret", u));
        if (coaPort < 1 || coaPort > 65535) {
            throw new IllegalArgumentException("CoA port " + coaPort + " is outside 1..65535");
        }
    }

    /** A gateway with the defaults: CoA on 3799, Message-Authenticator {@code auto}. */
    public static Nas of(String name, NasAddress address, String secret) {
        return new Nas(name, address, secret, Optional.empty(), DEFAULT_COA_PORT,
                MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO);
    }

    private static void requireSecret(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (value.length() > MAX_SECRET_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_SECRET_LENGTH + " characters");
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException(what + " must be printable ASCII without spaces");
        }
    }

    @Override
    public String toString() {
        return "Nas[name=" + name + ", address=" + address + ", secret=***, uamSecret="
                + (uamSecret.isPresent() ? "***" : "-") + ", coaPort=" + coaPort
                + ", requireMessageAuthenticator=" + requireMessageAuthenticator.value()
                + ", limitProxyState=" + limitProxyState.value() + "]";
    }
}

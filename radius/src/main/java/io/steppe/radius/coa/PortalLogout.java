package io.steppe.radius.coa;

import java.net.Inet4Address;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * How a user is logged off an access controller by the Portal protocol (REQ_LOGOUT), which such ACs act on
 * whether or not they take RFC 5176's Disconnect-Request. Supplied by the launcher: the RADIUS server does not
 * depend on the portal.
 */
public interface PortalLogout {

    /** No gateway is an AC. */
    PortalLogout NONE = (gateway, user) -> Optional.empty();

    /**
     * Asks the gateway named {@code gateway} to log {@code user} off.
     *
     * @return whether the AC did, once it answers; empty when the gateway is not a Portal-protocol AC
     */
    Optional<CompletableFuture<Boolean>> logout(String gateway, Inet4Address user);
}

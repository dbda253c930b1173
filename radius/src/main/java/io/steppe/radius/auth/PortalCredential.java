package io.steppe.radius.auth;

import io.steppe.db.net.MacAddress;
import java.time.OffsetDateTime;

/**
 * A one-time credential the portal put in the gateway's {@code /logon} URL after a login.
 *
 * @param username     its user name
 * @param password     its password, derived from the user name ({@link io.steppe.db.keys.SecretKeys#credentialPassword})
 * @param subscriberId who logged in on the portal
 * @param clientMac    the only device it lets in
 * @param expiresAt    when it stops letting anyone in
 * @param used         whether it has let someone in already
 */
record PortalCredential(String username, String password, long subscriberId, MacAddress clientMac, OffsetDateTime expiresAt,
                        boolean used) {

    @Override
    public String toString() {
        return "PortalCredential[username=" + username + ", password=***, subscriberId=" + subscriberId + ", clientMac=" + clientMac
                + ", expiresAt=" + expiresAt + ", used=" + used + "]";
    }
}

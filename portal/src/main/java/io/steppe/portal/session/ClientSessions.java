package io.steppe.portal.session;

import java.net.InetAddress;
import java.util.Optional;

/**
 * The sessions of clients, found by the address the portal sees them at. The launcher supplies the
 * implementation, which asks the RADIUS side: the portal does not depend on it.
 */
public interface ClientSessions {

    /** Time and data left to the subscriber of an online client. */
    record Remaining(long seconds, long octets) {
    }

    /** What the online client at {@code address} has left; empty when it has no session. */
    Optional<Remaining> remaining(InetAddress address);

    /** Ends the session of the client at {@code address} through its gateway; false when it has none. */
    boolean logout(InetAddress address);
}

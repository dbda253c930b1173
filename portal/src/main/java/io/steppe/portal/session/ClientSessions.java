package io.steppe.portal.session;

import io.steppe.db.net.MacAddress;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The sessions of clients, found by the device the portal knows them as. The launcher supplies the
 * implementation, which asks the RADIUS side: the portal does not depend on it.
 */
public interface ClientSessions {

    /** Time and data left to the subscriber of an online client. */
    record Remaining(long seconds, long octets) {
    }

    /**
     * A client as the portal knows it: its MAC on a gateway (from the gateway's redirect, or the portal's cookie that
     * kept it), else only the address its requests come from, which is its own only where the gateway does not NAT.
     */
    record Device(Optional<MacAddress> mac, Optional<String> gateway, InetAddress address) {

        public static Device at(InetAddress address) {
            return new Device(Optional.empty(), Optional.empty(), address);
        }

        public static Device on(String gateway, MacAddress mac, InetAddress address) {
            return new Device(Optional.of(mac), Optional.of(gateway), address);
        }
    }

    /** What the online client {@code device} has left; empty when it has no session. */
    Optional<Remaining> remaining(Device device);

    /** Ends the session of {@code device} through its gateway; false when it has none. */
    boolean logout(Device device);
}

package io.steppe.portal.ac;

import java.net.InetSocketAddress;

/**
 * A gateway registered as an access controller that speaks the Portal protocol.
 *
 * @param name     the gateway's name, which its redirects may give as {@code wlanacname}
 * @param protocol how it speaks
 * @param secret   the Portal protocol's shared secret (v2 signs with it)
 * @param portal   where the AC listens for the portal (its address and port 2000 unless registered otherwise): the
 *                 only place the portal sends to, and the only source it takes the AC's packets from
 */
public record AccessController(String name, PortalProtocol protocol, String secret, InetSocketAddress portal) {

    @Override
    public String toString() {
        return "AccessController[" + name + ", " + protocol.label() + ", " + portal + ", secret=***]";
    }
}

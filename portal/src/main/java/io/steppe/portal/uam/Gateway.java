package io.steppe.portal.uam;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

/**
 * A registered gateway as the portal needs it.
 *
 * @param name         its name (the {@code nasid} it sends)
 * @param uamSecret    the UAM secret that signs its redirects, if it has one
 * @param chap         whether it logs users on by CHAP
 * @param uamAddresses the addresses its redirects may name as {@code uamip} ({@code steppe nas add --uam-address})
 * @param range        the addresses it sends RADIUS from; a client seen at one of them is behind its NAT
 */
public record Gateway(String name, Optional<String> uamSecret, boolean chap, Set<InetAddress> uamAddresses, AddressRange range) {

    public Gateway {
        uamAddresses = Set.copyOf(uamAddresses);
    }

    @Override
    public String toString() {
        return "Gateway[" + name + ", uamSecret=" + (uamSecret.isPresent() ? "***" : "-") + ", chap=" + chap
                + ", uamAddresses=" + uamAddresses + "]";
    }
}

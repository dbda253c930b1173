package io.steppe.ops.server;

import io.steppe.ops.SteppeConfig;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;
import java.util.Comparator;
import java.util.Optional;

/**
 * The portal's URL as clients reach it: {@code STEPPE_PORTAL_URL}, else built from the address the portal binds and
 * its port. Bound to every address, that is this host's first non-loopback IPv4 address (by interface index), a
 * guess an operator replaces with {@code STEPPE_PORTAL_URL}; never the Host a client wrote.
 */
final class PortalUrl {

    private PortalUrl() {
    }

    static URI of(SteppeConfig config, int boundPort) {
        return config.portal().publicUrl().orElseGet(() -> {
            String host = specific(config.portalBind()).orElseGet(PortalUrl::firstOwnAddress);
            String authority = host.contains(":") ? "[" + host + "]" : host;
            return URI.create("http://" + authority + (boundPort == 80 ? "" : ":" + boundPort) + "/");
        });
    }

    private static Optional<String> specific(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("*") || bind.isBlank() ? Optional.empty() : Optional.of(bind);
    }

    private static String firstOwnAddress() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(PortalUrl::up)
                    .sorted(Comparator.comparingInt(NetworkInterface::getIndex))
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .map(InetAddress::getHostAddress).findFirst().orElse("127.0.0.1");
        } catch (SocketException e) {
            return "127.0.0.1";
        }
    }

    private static boolean up(NetworkInterface i) {
        try {
            return i.isUp() && !i.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}

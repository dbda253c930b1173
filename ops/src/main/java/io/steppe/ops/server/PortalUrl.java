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
 * guess an operator replaces with {@code STEPPE_PORTAL_URL}; never the Host a client wrote. With a certificate
 * ({@code STEPPE_TLS_CERT}) it is the HTTPS URL of the login forms, which the certificate must name.
 */
final class PortalUrl {

    private PortalUrl() {
    }

    static URI of(SteppeConfig config, int boundPort) {
        return config.portal().publicUrl().orElseGet(() -> own(config, "http", boundPort, 80));
    }

    /**
     * The portal's HTTPS URL, where its login forms are: {@code STEPPE_PORTAL_URL} if it is an https URL; its host
     * with the HTTPS port if it is an http one; else built from the bound address like {@link #of}.
     */
    static URI secure(SteppeConfig config, int tlsPort) {
        return config.portal().publicUrl().map(u -> "https".equalsIgnoreCase(u.getScheme()) ? u : withHttps(u, tlsPort))
                .orElseGet(() -> own(config, "https", tlsPort, 443));
    }

    private static URI withHttps(URI url, int tlsPort) {
        try {
            return new URI("https", url.getRawUserInfo(), url.getHost(), tlsPort == 443 ? -1 : tlsPort, url.getPath(), null, null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("STEPPE_PORTAL_URL was checked to be a URL", e);
        }
    }

    private static URI own(SteppeConfig config, String scheme, int port, int defaultPort) {
        String host = specific(config.portalBind()).orElseGet(PortalUrl::firstOwnAddress);
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return URI.create(scheme + "://" + authority + (port == defaultPort ? "" : ":" + port) + "/");
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

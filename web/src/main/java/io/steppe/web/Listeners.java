package io.steppe.web;

import io.micronaut.http.HttpRequest;
import java.net.InetSocketAddress;

/**
 * The HTTP listeners and their bound ports: the captive portal, which Wi-Fi clients reach, its HTTPS twin for the
 * login forms once a certificate is configured, and the API listener on the operations network. The launcher declares
 * it, and with it the console's login, its filters and pages; a feature module's own tests, which serve no console,
 * leave it out and log in with a stand-in.
 *
 * @param portalTlsPort the portal's HTTPS port, or {@link #NONE} without a certificate
 */
public record Listeners(int portalPort, int apiPort, int portalTlsPort) {

    /** The port of a listener that is not there. */
    public static final int NONE = -1;

    /** Which listener a request arrived on: both portal listeners are the portal's. */
    public enum Listener {
        PORTAL, API;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Listeners {
        if (portalPort == apiPort || portalTlsPort == portalPort || portalTlsPort == apiPort) {
            throw new IllegalArgumentException("the portal, its HTTPS and the API listeners need different ports, were "
                    + portalPort + ", " + portalTlsPort + " and " + apiPort);
        }
    }

    /** Plain HTTP listeners only. */
    public Listeners(int portalPort, int apiPort) {
        this(portalPort, apiPort, NONE);
    }

    public Listener of(HttpRequest<?> request) {
        InetSocketAddress local = request.getServerAddress();
        return local != null && (local.getPort() == portalPort || local.getPort() == portalTlsPort) ? Listener.PORTAL : Listener.API;
    }
}

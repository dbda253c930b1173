package io.steppe.web;

import io.micronaut.http.HttpRequest;
import java.net.InetSocketAddress;

/**
 * The two HTTP listeners and their bound ports: the captive portal, which Wi-Fi clients reach, and the
 * API listener on the operations network. The launcher declares it, and with it the console's login, its filters
 * and pages; a feature module's own tests, which serve no console, leave it out and log in with a stand-in.
 */
public record Listeners(int portalPort, int apiPort) {

    /** Which listener a request arrived on. */
    public enum Listener {
        PORTAL, API;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Listeners {
        if (portalPort == apiPort) {
            throw new IllegalArgumentException("the portal and API listeners need different ports, both were " + portalPort);
        }
    }

    public Listener of(HttpRequest<?> request) {
        InetSocketAddress local = request.getServerAddress();
        return local != null && local.getPort() == portalPort ? Listener.PORTAL : Listener.API;
    }
}

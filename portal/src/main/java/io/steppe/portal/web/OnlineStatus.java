package io.steppe.portal.web;

import static io.steppe.portal.web.PortalResponses.html;

import io.micronaut.http.HttpRequest;
import io.steppe.db.keys.SecretKeys;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.steppe.portal.session.ClientSessions;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * Whether a device is online, and the page that says so with what it has left and how to log out: for a UAM
 * gateway's client its gateway's own log-off URL, as CoovaChilli expects; otherwise {@code POST /logout}, which
 * ends the session through the RADIUS side (a Disconnect-Request, and REQ_LOGOUT to an access controller).
 * Shown by {@code /status}, on the gateway's return after a login, and when a redirect names a device already online.
 */
@Singleton
final class OnlineStatus {

    private final ClientSessions sessions;
    private final DeviceCookie cookies;
    private final Csrf logoutTokens;

    OnlineStatus(ClientSessions sessions, SecretKeys keys) {
        this.sessions = sessions;
        Csrf signer = new Csrf(keys.portalKey("device"));
        this.cookies = new DeviceCookie(signer);
        this.logoutTokens = signer;
    }

    /** The device a request is from: the one its cookie names, else its address. */
    ClientSessions.Device device(HttpRequest<?> request) {
        InetAddress peer = LoginForms.remote(request);
        return known(request).map(k -> ClientSessions.Device.on(k.gateway(), k.mac(), peer)).orElse(ClientSessions.Device.at(peer));
    }

    Optional<DeviceCookie.Known> known(HttpRequest<?> request) {
        return cookies.read(request.getCookies().findCookie(DeviceCookie.NAME).map(Cookie::getValue));
    }

    Cookie cookie(DeviceCookie.Known device) {
        return cookies.write(device);
    }

    /** The online page for {@code device}, if it has a session; {@code onward} is a link to where the user was going. */
    Optional<MutableHttpResponse<String>> page(PortalPages pages, ClientSessions.Device device, Optional<String> logoff,
                                               Optional<String[]> onward, InetAddress peer) {
        return sessions.remaining(device).map(left -> {
            String token = logoff.isPresent() ? null : logoutTokens.token("logout", peer.getHostAddress());
            String origin = logoff.map(OnlineStatus::origin).orElse("");
            return html(HttpStatus.OK, pages.status(left.seconds(), left.octets(), logoff.orElse(null), token, onward), origin);
        });
    }

    /** {@code GET /status}: the online page for the request's device, or the page that says it is not logged in. */
    HttpResponse<String> status(HttpRequest<?> request, Messages m) {
        PortalPages pages = new PortalPages(m);
        Optional<DeviceCookie.Known> known = known(request);
        return page(pages, device(request), known.flatMap(DeviceCookie.Known::logoff), Optional.empty(), LoginForms.remote(request))
                .<HttpResponse<String>>map(r -> r)
                .orElseGet(() -> html(HttpStatus.OK, pages.message(m.get("status.title"), Optional.of(m.get("status.none")), Optional.empty()), ""));
    }

    boolean logoutAllowed(String token, HttpRequest<?> request) {
        return logoutTokens.valid(token, "logout", LoginForms.remote(request).getHostAddress());
    }

    boolean logout(HttpRequest<?> request) {
        return sessions.logout(device(request));
    }

    /** The scheme, host and port of a gateway URL: what the pages' policy must let a form go to. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}

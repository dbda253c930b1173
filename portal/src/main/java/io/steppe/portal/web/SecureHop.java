package io.steppe.portal.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.steppe.portal.PortalSettings;
import io.steppe.portal.uam.Gateway;
import io.steppe.portal.uam.RedirectCheck;
import io.steppe.portal.uam.UamRedirect;
import java.net.URI;
import java.util.Optional;

/**
 * The step from the plain-HTTP listener, where gateways send new clients, to the HTTPS one, where the login forms
 * are. A gateway's {@code md} signs the URL it redirected to, host and port included, so it cannot be checked again
 * at another address: the plain listener checks it, then seals the same parameters with the portal's own key
 * ({@code seal}, last), and the HTTPS listener takes a good seal in place of the gateway's signature. A gateway that
 * redirects to the HTTPS URL itself signs that URL, which is checked as it is.
 */
final class SecureHop {

    private static final String SEAL = "&seal=";

    private final PortalSettings settings;
    private final Csrf seal;

    SecureHop(PortalSettings settings, byte[] key) {
        this.settings = settings;
        this.seal = new Csrf(key);
    }

    /** Whether this request must be sent on to the HTTPS listener before any form is shown. */
    boolean needed(HttpRequest<?> request) {
        return settings.secureForms() && !request.isSecure();
    }

    /**
     * Whether a UAM redirect may be acted on, as {@link RedirectCheck#arrival} decides for one the gateway signed.
     *
     * @param query the raw query without {@code lang}
     */
    Optional<RedirectCheck.Refusal> check(Gateway gateway, UamRedirect redirect, HttpRequest<?> request, String query) {
        int at = query.lastIndexOf(SEAL);
        if (request.isSecure() && at >= 0) {
            return seal.valid(query.substring(at + SEAL.length()), query.substring(0, at))
                    ? RedirectCheck.destination(gateway, redirect) : Optional.of(RedirectCheck.Refusal.FORGED);
        }
        return RedirectCheck.arrival(gateway, redirect, LoginForms.requestedUrl(request) + "?" + query);
    }

    /**
     * Where the gateway sends the browser back after a login posted over HTTPS: its portal address, the plain-HTTP one
     * on the host of the portal's URL (any port, as the gateway's NAT may map it). A browser holds the whole redirect
     * chain of a form to the page's {@code form-action}, so without it the phone would stay on the login page once online.
     */
    Optional<String> returns() {
        return settings.secureForms() ? Optional.of("http://" + settings.publicUrl().getHost() + ":*") : Optional.empty();
    }

    /**
     * The browser sent to the same page on the HTTPS listener.
     *
     * @param query  the raw query without {@code lang}, as checked here
     * @param sealed whether the HTTPS listener needs the seal (a UAM redirect; an AC's is checked by address there)
     */
    MutableHttpResponse<String> onward(String query, Optional<String> lang, boolean sealed) {
        String onward = query + (sealed ? SEAL + seal.token(query) : "") + lang.map(l -> "&lang=" + l).orElse("");
        return HttpResponse.<String>status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, URI.create(settings.publicUrl() + "?" + onward).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}

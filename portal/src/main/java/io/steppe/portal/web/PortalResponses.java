package io.steppe.portal.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** The headers every portal page carries. */
final class PortalResponses {

    private PortalResponses() {
    }

    /**
     * A page with the headers every portal page has: nothing cached, framed or sniffed, and a policy that
     * allows only the inline style (by hash) and forms to the portal and, after a login, the gateway. The
     * referrer policy is same-origin, not no-referrer: with no-referrer a browser posts forms with
     * {@code Origin: null}, which the HTTP server refuses; across origins (the gateway) no referrer is sent.
     */
    static MutableHttpResponse<String> html(HttpStatus status, String body, String gatewayOrigin) {
        MutableHttpResponse<String> response = HttpResponse.<String>status(status).body(body)
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8");
        response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "same-origin");
        response.header("Content-Security-Policy", "default-src 'none'; style-src " + PortalPages.STYLE_HASH
                + "; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
                + (gatewayOrigin.isEmpty() ? "" : " " + gatewayOrigin));
        return response;
    }
}

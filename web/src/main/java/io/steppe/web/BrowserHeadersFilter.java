package io.steppe.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Tells browsers how to treat what the API listener sends: console pages load scripts, styles, images and data
 * from Steppe alone, with no inline code at all (the pages keep theirs in stylesheet and script files, so neither
 * a nonce nor {@code 'unsafe-inline'} is needed and an injected {@code <script>} does not run); no other site may
 * frame them (clickjacking); content types are not guessed; and console URLs, which name APs and gaps, are not
 * sent to other sites as a referrer. Every response of the listener carries them, JSON and errors too: it costs
 * nothing and leaves no page out.
 */
@Requires(beans = Listeners.class)
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class BrowserHeadersFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; base-uri 'none'; object-src 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    private final Listeners listeners;

    BrowserHeadersFilter(Listeners listeners) {
        this.listeners = listeners;
    }

    @ResponseFilter
    void protect(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (listeners.of(request) == Listeners.Listener.API) {
            response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "same-origin");
        }
    }
}

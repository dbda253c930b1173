package io.steppe.web;

import io.micronaut.http.HttpRequest;
import io.steppe.web.account.Account;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** What {@link ConsoleAuthFilter} learned about a request it let through to a route that needs a login. */
public final class ConsoleRequest {

    static final String ACCOUNT = "steppe.account";
    static final String CSRF = "steppe.csrf";

    private ConsoleRequest() {
    }

    /** The logged-in account. */
    public static Account account(HttpRequest<?> request) {
        return request.getAttribute(ACCOUNT, Account.class)
                .orElseThrow(() -> new IllegalStateException("ConsoleAuthFilter lets no request through without an account"));
    }

    /** Who acts, as the audit log names them: the logged-in person, never a fixed name. */
    public static String actor(HttpRequest<?> request) {
        return account(request).username();
    }

    /** The session's anti-forgery token, which console forms must send back; empty for a bearer-token caller's request. */
    public static Optional<String> csrf(HttpRequest<?> request) {
        return request.getAttribute(CSRF, String.class).filter(t -> !t.isEmpty());
    }

    /**
     * Whether a console form's {@code csrf} field is this session's token. A form that another site made the browser
     * post carries the session's cookie but cannot carry the token, so it is refused even where a browser sent no
     * Origin for {@link OriginFilter} to refuse it by.
     */
    public static boolean formCameFromThisSession(HttpRequest<?> request, String sent) {
        return sent != null && csrf(request).map(t -> MessageDigest.isEqual(t.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))).orElse(false);
    }
}

package io.steppe.web;

import io.micronaut.http.HttpRequest;
import io.steppe.web.account.Account;
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
}

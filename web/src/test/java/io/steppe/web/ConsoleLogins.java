package io.steppe.web;

import io.micronaut.http.HttpRequest;
import io.steppe.web.account.Account;

/**
 * For a feature module's tests, which serve no console: marks a request as made by an account, as
 * {@link ConsoleAuthFilter} does after a real login.
 */
public final class ConsoleLogins {

    private ConsoleLogins() {
    }

    public static void logIn(HttpRequest<?> request, Account account) {
        request.setAttribute(ConsoleRequest.ACCOUNT, account);
    }
}

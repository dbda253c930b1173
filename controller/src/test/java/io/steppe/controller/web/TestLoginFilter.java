package io.steppe.controller.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.steppe.web.ConsoleLogins;
import io.steppe.web.account.Account;
import io.steppe.web.account.Role;
import java.time.Instant;

/**
 * Stands in for the launcher's login filter, which this module's tests do not run: every request is made by the
 * account {@link #ACTOR}, as the audit log will name it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class TestLoginFilter {

    static final String ACTOR = "test-operator";

    @RequestFilter
    void logIn(HttpRequest<?> request) {
        ConsoleLogins.logIn(request, new Account(1, ACTOR, Role.OPERATOR, Instant.EPOCH));
    }
}

package io.steppe.ops.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.steppe.ops.account.Account;
import java.util.Map;

/** The console's front page and {@code GET /api/me}, the account a token belongs to. */
@Controller
final class ConsoleController {

    private final ConsolePages pages;

    ConsoleController(ConsolePages pages) {
        this.pages = pages;
    }

    @Get(uri = "/console/", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    String home(HttpRequest<?> request) {
        return pages.home(account(request));
    }

    @Get("/api/me")
    Map<String, Object> me(HttpRequest<?> request) {
        Account account = account(request);
        return Map.of("username", account.username(), "role", account.role().value());
    }

    private static Account account(HttpRequest<?> request) {
        return request.getAttribute(ConsoleAuthFilter.ACCOUNT, Account.class)
                .orElseThrow(() -> new IllegalStateException("ConsoleAuthFilter lets no request through without an account"));
    }
}

package io.steppe.ops.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.steppe.ops.account.Account;
import java.util.Map;

/** The console's front page and stylesheet, and {@code GET /api/me}, the account a token belongs to. */
@Controller
final class ConsoleController {

    private final ConsolePages pages;

    ConsoleController(ConsolePages pages) {
        this.pages = pages;
    }

    @Get(uri = "/console/", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    String home(HttpRequest<?> request) {
        return pages.home(ConsoleAuthFilter.account(request));
    }

    @Get(uri = ConsolePages.STYLESHEET, produces = "text/css;charset=utf-8")
    String stylesheet() {
        return ConsolePages.STYLE;
    }

    @Get("/api/me")
    Map<String, Object> me(HttpRequest<?> request) {
        Account account = ConsoleAuthFilter.account(request);
        return Map.of("username", account.username(), "role", account.role().value());
    }
}

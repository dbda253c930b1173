package io.steppe.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.steppe.web.account.Account;
import io.steppe.web.account.Role;
import java.util.Map;

/** The console's front page and stylesheet, and {@code GET /api/me}, the account a token belongs to. */
@Requires(beans = Listeners.class)
@Allowed({Role.OPERATOR, Role.PLANNER, Role.ADMIN})
@Controller
final class ConsoleController {

    private final ConsolePages pages;

    ConsoleController(ConsolePages pages) {
        this.pages = pages;
    }

    @Get(uri = "/console/", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    String home(HttpRequest<?> request) {
        return pages.home(ConsoleRequest.account(request));
    }

    @WithoutLogin
    @Get(uri = ConsolePages.STYLESHEET, produces = "text/css;charset=utf-8")
    String stylesheet() {
        return ConsolePages.STYLE;
    }

    @Get("/api/me")
    Map<String, Object> me(HttpRequest<?> request) {
        Account account = ConsoleRequest.account(request);
        return Map.of("username", account.username(), "role", account.role().value());
    }
}

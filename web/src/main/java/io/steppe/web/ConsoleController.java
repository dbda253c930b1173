package io.steppe.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
    private final StaticAsset stylesheet = StaticAsset.at(ConsoleLayout.STYLESHEET);
    private final StaticAsset live = StaticAsset.at(ConsoleLayout.LIVE_SCRIPT);

    ConsoleController(ConsolePages pages) {
        this.pages = pages;
    }

    @Get(uri = "/console/", produces = MediaType.TEXT_HTML + ";charset=utf-8")
    String home(HttpRequest<?> request) {
        return pages.home(request, ConsoleRequest.account(request));
    }

    /** Without a login: the sign-in form uses it. */
    @WithoutLogin
    @Get(uri = ConsoleLayout.STYLESHEET, produces = "text/css;charset=utf-8")
    HttpResponse<byte[]> stylesheet(HttpRequest<?> request) {
        return stylesheet.response(request);
    }

    @Get(uri = ConsoleLayout.LIVE_SCRIPT, produces = "text/javascript;charset=utf-8")
    HttpResponse<byte[]> liveScript(HttpRequest<?> request) {
        return live.response(request);
    }

    @Get("/api/me")
    Map<String, Object> me(HttpRequest<?> request) {
        Account account = ConsoleRequest.account(request);
        return Map.of("username", account.username(), "role", account.role().value());
    }
}

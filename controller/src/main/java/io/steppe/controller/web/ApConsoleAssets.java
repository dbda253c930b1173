package io.steppe.controller.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.steppe.web.Allowed;
import io.steppe.web.account.Role;

/** The AP pages' stylesheet and scripts, {@code GET /console/assets/aps/{name}}, behind the console login. */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/console/assets/aps")
final class ApConsoleAssets {

    static final String STYLESHEET = "style.css";
    static final String LIST_SCRIPT = "list.js";
    static final String ONE_SCRIPT = "ap.js";

    @Get("/{name}")
    HttpResponse<String> asset(String name) {
        return switch (name) {
            case STYLESHEET -> HttpResponse.ok(ApPages.STYLE).contentType("text/css;charset=utf-8");
            case LIST_SCRIPT -> HttpResponse.ok(ApConsoleScript.LIST).contentType("text/javascript;charset=utf-8");
            case ONE_SCRIPT -> HttpResponse.ok(ApConsoleScript.ONE).contentType("text/javascript;charset=utf-8");
            default -> HttpResponse.notFound();
        };
    }
}

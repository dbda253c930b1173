package io.steppe.coverage.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.steppe.web.Allowed;
import io.steppe.web.account.Role;

/** The planners' pages' stylesheet, {@code GET /console/assets/coverage/style.css}, behind the console login. */
@Allowed({Role.PLANNER, Role.ADMIN})
@Controller("/console/assets/coverage")
final class PlannerAssets {

    @Get("/{name}")
    HttpResponse<String> asset(String name) {
        return PlannerPages.STYLESHEET.endsWith("/" + name)
                ? HttpResponse.ok(PlannerPages.STYLE).contentType("text/css;charset=utf-8")
                : HttpResponse.notFound();
    }
}

package io.steppe.ops.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.steppe.controller.ControllerService;
import io.steppe.db.Database;
import io.steppe.web.Allowed;
import io.steppe.web.ConsoleLayout;
import io.steppe.web.ConsolePage.Link;
import io.steppe.web.Templates;
import io.steppe.web.Texts;
import io.steppe.web.account.Role;
import java.util.Map;

/** {@code /console/gateways}: every gateway and access controller, refreshed in place. */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller("/console/gateways")
@ExecuteOn(TaskExecutors.BLOCKING)
final class GatewayConsoleController {

    private static final String HTML = MediaType.TEXT_HTML + ";charset=utf-8";

    private final Database database;
    private final ControllerService controller;
    private final ConsoleLayout layout;
    private final Templates templates = new Templates("io.steppe.ops.jte");

    GatewayConsoleController(Database database, ControllerService controller, ConsoleLayout layout) {
        this.database = database;
        this.controller = controller;
        this.layout = layout;
    }

    @Get(produces = HTML)
    String page(HttpRequest<?> request) {
        Texts t = layout.texts(request);
        return layout.page(layout.page(request, t.get("gateways.title"), Link.here(t.get("gateways.title"))),
                templates.content("gateways.jte", Map.of("t", t, "page", GatewaysPage.read(database.dsl(), controller))));
    }

    /** The table alone, which the page's live script fetches. */
    @Get(uri = "/rows", produces = HTML)
    String rows(HttpRequest<?> request) {
        return templates.render("gateway-rows.jte", Map.of("t", layout.texts(request), "page", GatewaysPage.read(database.dsl(), controller)));
    }
}

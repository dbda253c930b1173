package io.steppe.controller.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.steppe.web.Allowed;
import io.steppe.web.StaticAsset;
import io.steppe.web.account.Role;
import java.util.Map;

/** The AP pages' scripts, {@code GET /console/assets/aps/{name}}, behind the console login; their style is the console's. */
@Allowed({Role.OPERATOR, Role.ADMIN})
@Controller(ApConsoleAssets.PATH)
final class ApConsoleAssets {

    static final String PATH = "/console/assets/aps";
    static final String LIST_SCRIPT = PATH + "/list.js";
    static final String ONE_SCRIPT = PATH + "/ap.js";

    private final Map<String, StaticAsset> scripts = Map.of(LIST_SCRIPT, StaticAsset.at(LIST_SCRIPT), ONE_SCRIPT, StaticAsset.at(ONE_SCRIPT));

    @Get("/{name}")
    HttpResponse<byte[]> asset(String name, HttpRequest<?> request) {
        StaticAsset script = scripts.get(PATH + "/" + name);
        return script == null ? HttpResponse.notFound() : script.response(request);
    }
}

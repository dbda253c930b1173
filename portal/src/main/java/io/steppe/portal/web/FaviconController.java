package io.steppe.portal.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.steppe.web.PortalListener;

/**
 * {@code GET /favicon.ico}, which every browser asks for: nothing to show, said with 204 and kept for a day, so that
 * the portal's pages stay free of any asset and the browser does not ask on every page.
 */
@PortalListener
@Controller
final class FaviconController {

    @Get("/favicon.ico")
    HttpResponse<Void> icon() {
        return HttpResponse.<Void>noContent().header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
    }
}

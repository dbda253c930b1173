package io.steppe.controller.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.steppe.web.ConsoleLayout;
import io.steppe.web.StaticAsset;
import io.steppe.web.WithoutLogin;

/**
 * Serves the console's live-update script, as the launcher's console does (its controller is wired only with the
 * launcher's listeners, which this module's tests do not start), so that a browser test runs the real script.
 */
@WithoutLogin
@Controller
final class TestLiveScript {

    private final StaticAsset live = StaticAsset.at(ConsoleLayout.LIVE_SCRIPT);

    @Get(uri = ConsoleLayout.LIVE_SCRIPT, produces = "text/javascript;charset=utf-8")
    HttpResponse<byte[]> liveScript(HttpRequest<?> request) {
        return live.response(request);
    }
}

package io.steppe.portal;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The portal's landing page. Until the login methods arrive it tells a visitor, in Chinese and English,
 * that the free Wi-Fi is being prepared; it is small and self-contained because the client is not online yet.
 */
@Controller
final class PortalPageController {

    private final byte[] page;

    PortalPageController() {
        try (InputStream in = PortalPageController.class.getResourceAsStream("/portal/index.html")) {
            if (in == null) {
                throw new IllegalStateException("portal/index.html is missing from the jar");
            }
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(produces = MediaType.TEXT_HTML + ";charset=utf-8")
    HttpResponse<byte[]> index() {
        return HttpResponse.ok(page).header("Cache-Control", "no-store");
    }
}

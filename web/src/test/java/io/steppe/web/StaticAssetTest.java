package io.steppe.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class StaticAssetTest {

    final StaticAsset stylesheet = StaticAsset.at(ConsoleLayout.STYLESHEET);

    @Test
    void servesTheFileWithItsTypeAndAVersionTheBrowserRevalidates() throws Exception {
        HttpResponse<byte[]> first = stylesheet.response(HttpRequest.GET(ConsoleLayout.STYLESHEET));
        assertEquals(HttpStatus.OK, first.getStatus());
        assertEquals("text/css;charset=utf-8", first.getHeaders().get(HttpHeaders.CONTENT_TYPE));
        assertEquals("private, no-cache", first.getHeaders().get(HttpHeaders.CACHE_CONTROL));
        try (InputStream file = getClass().getResourceAsStream(ConsoleLayout.STYLESHEET)) {
            assertArrayEquals(file.readAllBytes(), first.body());
        }
        String etag = first.getHeaders().get(HttpHeaders.ETAG);
        assertTrue(etag.matches("\"[A-Za-z0-9_-]{22}\""), etag);

        HttpResponse<byte[]> again = stylesheet.response(HttpRequest.GET(ConsoleLayout.STYLESHEET).header(HttpHeaders.IF_NONE_MATCH, etag));
        assertEquals(HttpStatus.NOT_MODIFIED, again.getStatus());
        assertEquals(etag, again.getHeaders().get(HttpHeaders.ETAG));
        HttpResponse<byte[]> stale = stylesheet.response(HttpRequest.GET(ConsoleLayout.STYLESHEET).header(HttpHeaders.IF_NONE_MATCH, "\"old\""));
        assertEquals(HttpStatus.OK, stale.getStatus());
    }

    @Test
    void onlyStylesheetsAndScriptsThatExist() {
        assertThrows(IllegalArgumentException.class, () -> StaticAsset.at("/console/assets/console.html"));
        assertThrows(IllegalStateException.class, () -> StaticAsset.at("/console/assets/nowhere.css"));
    }
}

package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.db.net.MacAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a Wi-Fi client or another site's page can do at the HTTP perimeter: public paths only with their method,
 * console routes invisible on the portal listener, pages a browser will not frame or run injected code in,
 * cross-site form posts refused, and the two listeners on addresses of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerimeterTest {

    /** A second loopback address, so that the portal can listen where the API does not. */
    private static final String PORTAL_ADDRESS = "127.0.0.2";

    InProcessSteppe steppe;
    final Http http = new Http();

    @BeforeAll
    void start(@TempDir Path home) {
        steppe = InProcessSteppe.start(home, Map.of("STEPPE_PORTAL_BIND", PORTAL_ADDRESS, "STEPPE_API_BIND", "127.0.0.1"));
        steppe.server.controller().aps().register(new AccessPoint("heartbeat", MacAddress.parse("02-00-5E-10-00-42"), "An AP named heartbeat",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("10.1.2.3")), "test");
    }

    @AfterAll
    void stop() {
        steppe.close();
    }

    private String cookie(String user) {
        HttpResponse<String> login = http.post(steppe.api, "/console/login", "application/x-www-form-urlencoded",
                "username=" + user + "&password=" + InProcessSteppe.PASSWORD);
        assertEquals(303, login.statusCode(), login.body());
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void publicPathsArePublicOnlyWithTheirMethod() {
        HttpResponse<String> read = http.get(steppe.api, "/api/aps/heartbeat");
        assertEquals(401, read.statusCode(), read.body());
        assertFalse(read.body().contains("10.1.2.3"), read.body());
        assertEquals(401, http.request(steppe.api, "DELETE", "/health", "").statusCode());
        assertEquals(401, http.get(steppe.api, "/api/login").statusCode());
        assertEquals(200, http.get(steppe.api, "/health").statusCode());
    }

    @Test
    void consoleAndApiRoutesAreAPlain404OnThePortalWhateverTheMethod() {
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
            for (String path : new String[] {"/console/aps", "/console/", "/api/aps", "/api/aps/heartbeat", "/api/sessions", "/metrics"}) {
                HttpResponse<String> answer = portal(method, path);
                assertEquals(404, answer.statusCode(), method + " " + path + " on the portal listener: " + answer.body());
                assertTrue(answer.headers().firstValue("Allow").isEmpty(), method + " " + path + " names its methods");
            }
        }
        assertEquals(200, portal("GET", "/").statusCode(), "the portal itself still answers");
    }

    private HttpResponse<String> portal(String method, String path) {
        return http.request(PORTAL_ADDRESS, steppe.portal, method, path, "");
    }

    @Test
    void consolePagesForbidFramingAndInlineCode() {
        String cookie = cookie(InProcessSteppe.OPERATOR);
        for (String path : new String[] {"/console/login", "/console/", "/console/aps", "/console/aps/heartbeat"}) {
            HttpResponse<String> page = http.get(steppe.api, path, "Cookie", cookie);
            assertTrue(page.statusCode() == 200 || page.statusCode() == 404, path + ": " + page.statusCode());
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
                    path + ": " + csp);
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""), path);
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertTrue(page.headers().firstValue("Referrer-Policy").isPresent(), path);
            assertFalse(page.body().contains("<script>") || page.body().contains("<style"), path + " has inline code the CSP would block");
        }
        assertEquals(200, http.get(steppe.api, "/console/assets/console.css").statusCode(), "the login page's stylesheet needs no login");
        assertEquals(200, http.get(steppe.api, "/console/assets/live.js", "Cookie", cookie).statusCode());
    }

    @Test
    void aCookiePostFromAnotherSiteIsRefused() {
        String cookie = cookie(InProcessSteppe.PLANNER);
        String form = "status=confirmed&note=x&csrf=whatever";
        HttpResponse<String> forged = http.post(steppe.api, "/console/coverage/gaps/1/status", "application/x-www-form-urlencoded", form,
                "Cookie", cookie, "Origin", "http://evil.example");
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("another site"), forged.body());
        HttpResponse<String> byReferer = http.post(steppe.api, "/console/logout", "application/x-www-form-urlencoded", "",
                "Cookie", cookie, "Referer", "http://evil.example/page.html");
        assertEquals(403, byReferer.statusCode(), byReferer.body());
        HttpResponse<String> ownOrigin = http.post(steppe.api, "/console/logout", "application/x-www-form-urlencoded", "",
                "Cookie", cookie, "Origin", "http://127.0.0.1:" + steppe.api);
        assertEquals(303, ownOrigin.statusCode(), ownOrigin.body());
        // another port of this host is another origin too; Micronaut itself refuses non-loopback origins on loopback
        String otherPort = "http://localhost:" + (steppe.api == 9 ? 10 : 9);
        HttpResponse<String> fromOtherPort = http.post(steppe.api, "/console/logout", "application/x-www-form-urlencoded", "",
                "Cookie", cookie(InProcessSteppe.OPERATOR), "Origin", otherPort);
        assertEquals(403, fromOtherPort.statusCode(), fromOtherPort.body());
        String token = http.consoleToken(steppe.api, InProcessSteppe.ADMIN, InProcessSteppe.PASSWORD);
        HttpResponse<String> bearer = http.post(steppe.api, "/api/logout", "application/json", "",
                "Authorization", "Bearer " + token, "Origin", otherPort);
        assertEquals(204, bearer.statusCode(), "a bearer token cannot be forged by a page: " + bearer.body());
    }

    @Test
    void theApiListenerIsNotOnThePortalsAddress() {
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(PORTAL_ADDRESS, steppe.api), 2000);
            }
        });
        assertEquals(200, portal("GET", "/").statusCode());
    }
}

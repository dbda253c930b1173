package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.ops.SteppeConfig;
import io.steppe.ops.server.SteppeServer;
import io.steppe.portal.uam.UamAddresses;
import io.steppe.portal.uam.UamChecksum;
import io.steppe.radius.auth.VoucherIssuer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phished user's login sent elsewhere: on main the portal took {@code uamip}, {@code uamport} and {@code challenge}
 * from whoever wrote the link, served an unsigned link for a gateway with a UAM secret, and named the Host a client
 * wrote as the portal's own address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForgedRedirectTest {

    static final String UAM_SECRET = "forged-uam-secret";
    static final String ATTACKER = "203.0.113.66";

    SteppeServer server;
    int portal;
    final Http http = new Http();
    final SecureRandom random = new SecureRandom();

    @BeforeAll
    void start(@TempDir Path home) {
        server = SteppeServer.start(SteppeConfig.load(TestEnvironment.of(home)), Clock.systemUTC());
        portal = server.listeners().portalPort();
        TestGateways.add(server, "signed-gw", "127.0.0.1", "signed-radius-secret", Optional.of(UAM_SECRET));
        TestGateways.add(server, "village-gw", "127.0.0.2", "village-radius-secret", Optional.empty());
        new UamAddresses(server.database().dsl()).set("village-gw", List.of(InetAddress.getLoopbackAddress()), "test");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    String challenge() {
        byte[] challenge = new byte[16];
        random.nextBytes(challenge);
        return HexFormat.of().formatHex(challenge);
    }

    static String query(String nasid, String uamip, String challenge) {
        return "/?res=notyet&uamip=" + uamip + "&uamport=3990&challenge=" + challenge + "&mac=AA-BB-CC-00-00-66&nasid=" + nasid;
    }

    /** Signed as the gateway signs it; the page's language is chosen after, as its language links do. */
    String signed(String query) {
        String url = "http://127.0.0.1:" + portal + query;
        return query + "&md=" + UamChecksum.compute(url, UAM_SECRET) + "&lang=en";
    }

    static String unsigned(String query) {
        return query + "&lang=en";
    }

    HttpResponse<String> voucherLogin(HttpResponse<String> page) {
        Map<String, String> fields = PortalLoginTest.hiddenFields(page.body());
        fields.put("voucher", new VoucherIssuer(server.database().dsl(), server.keys(), Clock.systemUTC(), random).issue(1, 30, Duration.ofDays(1), 1, "t").get(0));
        fields.put("terms", "yes");
        return http.post(portal, "/login/voucher", "application/x-www-form-urlencoded", PortalLoginTest.form(fields));
    }

    @Test
    void anUnsignedRedirectForAGatewayWithAUamSecretIsRefused() {
        HttpResponse<String> unsigned = http.get(portal, unsigned(query("signed-gw", ATTACKER, challenge())));
        assertEquals(403, unsigned.statusCode());
        assertTrue(unsigned.body().contains("This login link is not valid"), unsigned.body());
        assertFalse(unsigned.body().contains(ATTACKER), "no form, no link to the attacker's address");
        assertEquals(200, http.get(portal, signed(query("signed-gw", "10.1.0.1", challenge()))).statusCode(), "a signed one is served");
    }

    @Test
    void aRedirectNamingAnotherUamipForAGatewayWithoutSecretIsRefused() {
        HttpResponse<String> foreign = http.get(portal, unsigned(query("village-gw", ATTACKER, challenge())));
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.body().contains("names a gateway address that is not registered"), foreign.body());
        HttpResponse<String> home = http.get(portal, unsigned(query("village-gw", "127.0.0.1", challenge())));
        assertEquals(200, home.statusCode(), home.body());
        HttpResponse<String> login = voucherLogin(home);
        assertEquals(303, login.statusCode(), login.body());
        assertEquals("127.0.0.1", URI.create(login.headers().firstValue("Location").orElseThrow()).getHost(), "only to its registered address");
    }

    @Test
    void allZeroAndRepeatedChallengesAreRefused() {
        HttpResponse<String> zero = http.get(portal, signed(query("signed-gw", "10.1.0.1", "0".repeat(32))));
        assertEquals(403, zero.statusCode());
        assertTrue(zero.body().contains("already used or is not valid"), zero.body());
        String link = signed(query("signed-gw", "10.1.0.1", challenge()));
        HttpResponse<String> page = http.get(portal, link);
        assertEquals(200, page.statusCode());
        assertEquals(303, voucherLogin(page).statusCode(), "the first answer");
        HttpResponse<String> again = voucherLogin(page);
        assertEquals(403, again.statusCode(), "the same form posted again gets no second credential");
        assertFalse(again.headers().firstValue("Location").isPresent());
        assertEquals(403, http.get(portal, link).statusCode(), "the replayed link is refused on arrival");
    }

    @Test
    void theHostAClientWritesIsNeverEchoed() throws IOException {
        String captive = raw("GET /api/captive HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertFalse(captive.contains("evil.example"), captive);
        assertTrue(captive.contains("\"user-portal-url\":\"http://127.0.0.1:" + portal + "/\""), captive);
        String page = raw("GET " + unsigned(query("village-gw", "127.0.0.1", challenge())) + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertTrue(page.startsWith("HTTP/1.1 200"), page);
        assertTrue(page.contains("<LoginURL>http://127.0.0.1:" + portal + "/</LoginURL>"), page);
        assertFalse(page.contains("evil.example"), "neither in WISPr's LoginURL nor anywhere else: " + page);
    }

    /** A request written by hand: {@code java.net.http} does not let a caller set Host. */
    String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), portal)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.ops.SteppeConfig;
import io.steppe.ops.server.SteppeServer;
import io.steppe.bench.sim.AccessRequestSender;
import io.steppe.radius.auth.VoucherIssuer;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import io.steppe.portal.uam.UamChecksum;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tourist with a voucher, from the gateway's redirect to an accepted Access-Request: the test plays the
 * CoovaChilli gateway, decoding the portal's /logon URL as CoovaChilli does and asking the real RADIUS server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalLoginTest {

    static final String SECRET = "portal-gw-radius-secret";
    static final String UAM_SECRET = "uam-shared-secret";
    static final String CLIENT_MAC = "AA-BB-CC-00-00-01";

    SteppeServer server;
    int portal;
    final Http http = new Http();
    final SecureRandom random = new SecureRandom();

    @BeforeAll
    void start(@TempDir Path home) {
        server = SteppeServer.start(SteppeConfig.load(TestEnvironment.of(home, "STEPPE_SMS", "outbox")), Clock.systemUTC());
        portal = server.listeners().portalPort();
        NasRepository gateways = new NasRepository(server.database().dsl(), server.keys());
        gateways.add(new Nas("chilli-pap", NasAddress.parse("127.0.0.1"), SECRET, Optional.of(UAM_SECRET), 3799,
                io.steppe.radius.nas.MessageAuthenticatorPolicy.AUTO, io.steppe.radius.nas.MessageAuthenticatorPolicy.AUTO), "test");
        gateways.add(new Nas("chilli-chap", NasAddress.parse("127.0.0.2"), SECRET, Optional.of(UAM_SECRET), 3799,
                io.steppe.radius.nas.MessageAuthenticatorPolicy.AUTO, io.steppe.radius.nas.MessageAuthenticatorPolicy.AUTO), "test");
        gateways.setUamChap("chilli-chap", true, "test");
        server.radius().reloadGateways();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** A fresh challenge, as a gateway draws for every redirect: a repeated or all-zero one is refused. */
    byte[] challenge() {
        byte[] challenge = new byte[16];
        random.nextBytes(challenge);
        return challenge;
    }

    String voucher() {
        return new VoucherIssuer(server.database().dsl(), server.keys(), Clock.systemUTC(), new SecureRandom()).issue(1, 30, Duration.ofDays(1), 1, "t").get(0);
    }

    /** The redirect a CoovaChilli gateway makes, with its md checksum. */
    String redirect(String nasid, byte[] challenge, String userurl) {
        String query = "res=notyet&uamip=10.1.0.1&uamport=3990&challenge=" + HexFormat.of().formatHex(challenge)
                + "&called=02-00-5E-10-00-01&mac=" + CLIENT_MAC + "&ip=10.1.0.5&nasid=" + nasid + "&sessionid=5f3a0001"
                + "&userurl=" + URLEncoder.encode(userurl, StandardCharsets.UTF_8);
        String url = "http://127.0.0.1:" + portal + "/?" + query;
        return "/?" + query + "&md=" + UamChecksum.compute(url, UAM_SECRET);
    }

    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([a-z]+)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'"));
        }
        return fields;
    }

    static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    static Map<String, String> params(URI uri) {
        Map<String, String> out = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    /** CoovaChilli's key for both encodings: MD5(challenge + UAM secret). */
    static byte[] chal(byte[] challenge) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(challenge);
        md5.update(UAM_SECRET.getBytes(StandardCharsets.UTF_8));
        return md5.digest();
    }

    URI loginWithVoucher(String nasid, byte[] challenge, String code) {
        HttpResponse<String> page = http.get(portal, redirect(nasid, challenge, "http://example.org/news"));
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> fields = hiddenFields(page.body());
        fields.put("voucher", code.toLowerCase());
        fields.put("terms", "yes");
        HttpResponse<String> login = http.post(portal, "/login/voucher", "application/x-www-form-urlencoded", form(fields));
        assertEquals(303, login.statusCode(), login.body());
        return URI.create(login.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void voucherLoginSendsTheBrowserToTheGatewayAndTheGatewaysPapRequestIsAccepted() throws Exception {
        byte[] challenge = challenge();
        URI logon = loginWithVoucher("chilli-pap", challenge, voucher());
        assertEquals("10.1.0.1", logon.getHost());
        assertEquals(3990, logon.getPort());
        assertEquals("/logon", logon.getPath());
        Map<String, String> p = params(logon);
        assertEquals("http://example.org/news", p.get("userurl"));
        // CoovaChilli: password = hexdecode(password) XOR MD5(challenge + uamsecret)
        byte[] masked = HexFormat.of().parseHex(p.get("password"));
        byte[] key = chal(challenge);
        byte[] plain = new byte[masked.length];
        for (int i = 0; i < masked.length; i++) {
            plain[i] = (byte) (masked[i] ^ key[i]);
        }
        assertEquals(2, papRequest(InetAddress.getByName("127.0.0.1"), p.get("username"), plain),
                "Access-Accept for the portal's one-time credential");
        assertEquals(3, papRequest(InetAddress.getByName("127.0.0.1"), p.get("username"), plain), "the credential works once");
    }

    @Test
    void chapGatewayGetsAResponseThatTheRadiusServerAccepts() throws Exception {
        byte[] challenge = challenge();
        URI logon = loginWithVoucher("chilli-chap", challenge, voucher());
        Map<String, String> p = params(logon);
        assertFalse(p.containsKey("password"));
        // CoovaChilli sends CHAP-Password = ident 0 + response, CHAP-Challenge = MD5(challenge + uamsecret).
        assertEquals(2, chapRequest(InetAddress.getByName("127.0.0.2"), p.get("username"), HexFormat.of().parseHex(p.get("response")),
                chal(challenge)), "Access-Accept");
    }

    @Test
    void forgedChecksumUnknownGatewayAndBadParametersGetAClearPage() {
        byte[] challenge = challenge();
        String good = redirect("chilli-pap", challenge, "http://example.org/");
        HttpResponse<String> forged = http.get(portal, good.replace("mac=AA-BB-CC-00-00-01", "mac=AA-BB-CC-00-00-02"));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("登录链接无效"), forged.body());
        assertEquals(403, http.get(portal, "/?res=notyet&uamip=10.1.0.1&uamport=3990&challenge=" + "0".repeat(32)
                + "&mac=" + CLIENT_MAC + "&nasid=nobody").statusCode());
        HttpResponse<String> missing = http.get(portal, "/?res=notyet&uamip=10.1.0.1&uamport=3990&mac=" + CLIENT_MAC + "&nasid=chilli-pap",
                "Accept-Language", "en");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("parameter &#39;challenge&#39; is missing"), missing.body());
        HttpResponse<String> oversized = http.get(portal, "/?uamip=10.1.0.1&uamport=3990&challenge=" + "0".repeat(32) + "&mac=" + CLIENT_MAC
                + "&userurl=" + "x".repeat(3000));
        assertEquals(400, oversized.statusCode());
        int tooLong = http.get(portal, "/?uamip=10.1.0.1&userurl=" + "x".repeat(9000)).statusCode();
        assertTrue(tooLong == 413 || tooLong == 414, "a request line past the server's limit: " + tooLong);
    }

    @Test
    void hostileUserUrlIsNeverLinkedNorPassedOn() {
        HttpResponse<String> page = http.get(portal, redirect("chilli-pap", challenge(), "javascript:alert(1)"));
        assertEquals(200, page.statusCode());
        Map<String, String> fields = hiddenFields(page.body());
        fields.put("voucher", voucher());
        fields.put("terms", "yes");
        HttpResponse<String> login = http.post(portal, "/login/voucher", "application/x-www-form-urlencoded", form(fields));
        assertEquals(303, login.statusCode());
        assertFalse(login.headers().firstValue("Location").orElseThrow().contains("userurl"), "javascript: is dropped");
        HttpResponse<String> back = http.get(portal, "/?res=success&uamip=10.1.0.1&uamport=3990&nasid=chilli-pap&userurl="
                + URLEncoder.encode("javascript:alert(1)", StandardCharsets.UTF_8));
        assertFalse(back.body().contains("javascript:"), back.body());
    }

    @Test
    void tamperedFormMissingTermsAndWrongVoucherAreRefusedInTheUsersLanguage() {
        HttpResponse<String> page = http.get(portal, redirect("chilli-pap", challenge(), "http://example.org/"), "Accept-Language", "ru-RU,ru;q=0.9");
        assertTrue(page.body().contains("Код ваучера"), "Russian from Accept-Language");
        Map<String, String> fields = hiddenFields(page.body());
        fields.put("voucher", "ACDEFGHJKL");
        fields.put("terms", "yes");
        HttpResponse<String> wrong = http.post(portal, "/login/voucher", "application/x-www-form-urlencoded", form(fields));
        assertEquals(422, wrong.statusCode());
        assertTrue(wrong.body().contains("Неверный код ваучера"), wrong.body());
        Map<String, String> noTerms = new HashMap<>(fields);
        noTerms.remove("terms");
        noTerms.put("voucher", voucher());
        assertEquals(400, http.post(portal, "/login/voucher", "application/x-www-form-urlencoded", form(noTerms)).statusCode());
        Map<String, String> tampered = new HashMap<>(fields);
        tampered.put("mac", "AA-BB-CC-00-00-99");
        tampered.put("voucher", voucher());
        assertEquals(403, http.post(portal, "/login/voucher", "application/x-www-form-urlencoded", form(tampered)).statusCode());
    }

    /** The voucher form is judged by the RADIUS server's rules, which read a code typed with a dash as printed. */
    @Test
    void aVoucherThatExpiredYesterdayIsRefusedOnThePageForWhatItIs() {
        String expired = new VoucherIssuer(server.database().dsl(), server.keys(), Clock.offset(Clock.systemUTC(), Duration.ofDays(-2)),
                new SecureRandom()).issue(1, 30, Duration.ofDays(1), 1, "t").get(0);
        HttpResponse<String> page = http.get(portal, redirect("chilli-pap", challenge(), "http://example.org/"), "Accept-Language", "ru");
        Map<String, String> fields = hiddenFields(page.body());
        fields.put("voucher", expired.substring(0, 5).toLowerCase() + "-" + expired.substring(5).toLowerCase());
        fields.put("terms", "yes");
        HttpResponse<String> refused = http.post(portal, "/login/voucher", "application/x-www-form-urlencoded", form(fields));
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("Срок действия ваучера истёк."), refused.body());
    }

    @Test
    void everyLanguageHasItsPageAndThePageIsSmallAndLocked() {
        Map<String, String> expected = Map.of("zh", "上网券号码", "en", "Voucher code", "mn", "Эрхийн бичгийн код", "ru", "Код ваучера");
        expected.forEach((lang, label) -> {
            HttpResponse<String> page = http.get(portal, redirect("chilli-pap", challenge(), "http://example.org/") + "&lang=" + lang);
            assertTrue(page.body().contains(label), lang + ": " + page.body());
            assertTrue(page.body().contains("<html lang=\"" + lang + "\""), lang);
            assertTrue(page.body().getBytes(StandardCharsets.UTF_8).length < 30 * 1024, "under 30 KB with all its assets");
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'none'") && csp.contains("form-action 'self' http://10.1.0.1:3990"), csp);
            assertFalse(page.body().contains("<script"), "works without JavaScript");
            assertTrue(page.body().contains("<WISPAccessGatewayParam"), "WISPr for smart clients");
        });
    }

    void account(String code, String status) throws Exception {
        Process radclient = new ProcessBuilder("radclient", "-r", "1", "-t", "3", "127.0.0.1:" + server.radius().acctPort(), "acct", SECRET)
                .redirectErrorStream(true).start();
        radclient.getOutputStream().write(("User-Name = \"" + code + "\", Acct-Status-Type = " + status + ", Acct-Session-Id = \"status-1\", "
                + "Framed-IP-Address = 127.0.0.1, Calling-Station-Id = \"" + CLIENT_MAC + "\"\n").getBytes(StandardCharsets.UTF_8));
        radclient.getOutputStream().close();
        assertEquals(0, radclient.waitFor(), new String(radclient.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void onlineClientSeesWhatIsLeftOnTheStatusPageAndTheCaptiveApi() throws Exception {
        String code = voucher();
        account(code, "Start");
        HttpResponse<String> status = http.get(portal, "/status?lang=en");
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("Time left: 30 minutes") && status.body().contains("Data left: 1,024 MB"), status.body());
        HttpResponse<String> api = http.get(portal, "/api/captive");
        assertTrue(api.body().contains("\"captive\":false") && api.body().contains("\"seconds-remaining\":1800"), api.body());
        assertEquals(403, http.post(portal, "/logout", "application/x-www-form-urlencoded", "csrf=forged").statusCode());
        account(code, "Stop");
        assertTrue(http.get(portal, "/api/captive").body().contains("\"captive\":true"), "captive again once the session stopped");
    }

    @Test
    void smsFloodIsRefusedWithTooManyRequestsAndABadNumberIsNamed() {
        HttpResponse<String> page = http.get(portal, redirect("chilli-pap", challenge(), "http://example.org/") + "&lang=en");
        Map<String, String> fields = hiddenFields(page.body());
        fields.put("terms", "yes");
        fields.put("phone", "+976 8811 0001");
        assertEquals(200, http.post(portal, "/login/sms/request", "application/x-www-form-urlencoded", form(fields)).statusCode());
        HttpResponse<String> again = http.post(portal, "/login/sms/request", "application/x-www-form-urlencoded", form(fields));
        assertEquals(429, again.statusCode());
        assertTrue(again.body().contains("A code was just sent"), again.body());
        fields.put("phone", "12345");
        HttpResponse<String> bad = http.post(portal, "/login/sms/request", "application/x-www-form-urlencoded", form(fields));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("valid mobile number"), bad.body());
    }

    @Test
    void captiveApiAnswersRfc8908() {
        HttpResponse<String> api = http.get(portal, "/api/captive");
        assertEquals(200, api.statusCode());
        assertEquals("application/captive+json", api.headers().firstValue("Content-Type").orElse(""));
        assertTrue(api.body().contains("\"captive\":true") && api.body().contains("\"user-portal-url\":\"http://"), api.body());
    }

    /** The gateway's Access-Request, sent from the gateway's own address; the reply's code. */
    int papRequest(InetAddress gateway, String user, byte[] password) {
        return sender(gateway).pap(user, password, CLIENT_MAC).orElseThrow(() -> noAnswer());
    }

    int chapRequest(InetAddress gateway, String user, byte[] response, byte[] challenge) {
        return sender(gateway).chap(user, response, challenge, CLIENT_MAC).orElseThrow(() -> noAnswer());
    }

    AccessRequestSender sender(InetAddress gateway) {
        return new AccessRequestSender(new java.net.InetSocketAddress("127.0.0.1", server.radius().authPort()), gateway, SECRET);
    }

    AssertionError noAnswer() {
        String drops = http.get(server.listeners().apiPort(), "/metrics").body().lines()
                .filter(l -> l.startsWith("steppe_radius_dropped_total")).toList().toString();
        return new AssertionError("no answer from the RADIUS server; drops: " + drops);
    }
}

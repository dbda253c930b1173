package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.pkitesting.X509Bundle;
import io.steppe.bench.sim.UamGatewaySimulator;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.UserError;
import io.steppe.ops.server.SteppeServer;
import io.steppe.ops.tls.TestCertificates;
import io.steppe.portal.uam.UamChecksum;
import io.steppe.radius.auth.VoucherIssuer;
import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Steppe with a certificate: the console only over HTTPS, the gateway's first redirect still on plain HTTP but every
 * login form on the HTTPS listener, checked by clients that trust only the test CA; a renewed certificate served to new
 * connections without a restart; a wrong file stopping start-up with its name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {

    static final String UAM_SECRET = "uam-shared-secret";

    TestCertificates certificates;
    SteppeConfig.TlsFiles files;
    InProcessSteppe steppe;
    int portalTls;
    HttpClient https;
    final Http http = new Http();

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        certificates = new TestCertificates();
        files = TestCertificates.files(Files.createDirectories(home.resolve("tls")));
        TestCertificates.write(certificates.server(4001, true), files);
        steppe = InProcessSteppe.start(home, Map.of("STEPPE_TLS_CERT", files.certificate().toString(),
                "STEPPE_TLS_KEY", files.privateKey().toString(), "STEPPE_PORTAL_TLS_PORT", "0", "STEPPE_SMS", "outbox"));
        portalTls = steppe.server.listeners().portalTlsPort();
        https = HttpClient.newBuilder().sslContext(trustingOnlyTheTestCa()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        new NasRepository(steppe.server.database().dsl(), steppe.server.keys()).add(new Nas("chilli", NasAddress.parse("127.0.0.1"), "radius-secret",
                Optional.of(UAM_SECRET), 3799, MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO), "test");
        steppe.server.radius().reloadGateways();
    }

    @AfterAll
    void stop() {
        steppe.close();
    }

    SSLContext trustingOnlyTheTestCa() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, certificates.ca().toTrustManagerFactory().getTrustManagers(), new SecureRandom());
        return context;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return https.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    HttpResponse<String> postForm(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void theConsoleAnswersOnlyOverHttpsWithTheConfiguredCertificate() {
        String api = "https://127.0.0.1:" + steppe.api;
        HttpResponse<String> health = get(api + "/health");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(get(api + "/console/login").body().contains("name=\"password\""), "the console's login form");
        HttpResponse<String> login = postForm(api + "/console/login", "username=" + InProcessSteppe.ADMIN + "&password=" + InProcessSteppe.PASSWORD);
        assertEquals(303, login.statusCode(), login.body());
        assertTrue(login.headers().firstValue("Set-Cookie").orElseThrow().contains("Secure"), "the session cookie never goes out in clear");

        assertThrows(UncheckedIOException.class, () -> http.get(steppe.api, "/health"), "plain HTTP gets no answer on the API port");
        assertThrows(UncheckedIOException.class, () -> http.post(steppe.api, "/console/login", "application/x-www-form-urlencoded",
                "username=" + InProcessSteppe.ADMIN + "&password=" + InProcessSteppe.PASSWORD), "nor a console login");
        assertEquals(404, get("https://127.0.0.1:" + portalTls + "/console/login").statusCode(), "the portal's HTTPS listener has no console");
        assertEquals(404, get("https://127.0.0.1:" + portalTls + "/metrics").statusCode());

        Map<String, Double> metrics = PrometheusText.parse(get(api + "/metrics").body());
        assertEquals((double) served(steppe.api).getNotAfter().toInstant().getEpochSecond(),
                metrics.get("steppe_tls_certificate_expiry_timestamp_seconds"), "when the served certificate expires");
    }

    @Test
    void theGatewaysRedirectLeadsToLoginFormsThatPostOnlyOverHttps() {
        String redirect = redirect("AA-BB-CC-00-00-07");
        HttpResponse<String> first = http.get(steppe.portal, redirect);
        assertEquals(302, first.statusCode(), first.body());
        String onward = first.headers().firstValue("Location").orElseThrow();
        assertTrue(onward.startsWith("https://127.0.0.1:" + portalTls + "/?res=notyet&"), onward);
        assertFalse(first.body().contains("name=\"voucher\""), "no form over plain HTTP");

        HttpResponse<String> page = get(onward);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("action=\"/login/voucher\""), "the form posts where it came from, over HTTPS");
        Map<String, String> fields = PortalLoginTest.hiddenFields(page.body());
        fields.put("voucher", voucher());
        fields.put("terms", "yes");
        HttpResponse<String> plainPost = http.post(steppe.portal, "/login/voucher", "application/x-www-form-urlencoded",
                PortalLoginTest.form(fields), "Accept-Language", "en");
        assertEquals(403, plainPost.statusCode());
        assertTrue(plainPost.body().contains("only taken over an encrypted connection"), plainPost.body());
        HttpResponse<String> login = postForm("https://127.0.0.1:" + portalTls + "/login/voucher", PortalLoginTest.form(fields));
        assertEquals(303, login.statusCode(), login.body());
        URI logon = URI.create(login.headers().firstValue("Location").orElseThrow());
        assertEquals("10.1.0.1:3990/logon", logon.getHost() + ":" + logon.getPort() + logon.getPath(), "the browser goes on to the gateway");

        String forged = onward.replace("AA-BB-CC-00-00-07", "AA-BB-CC-00-00-08");
        assertEquals(403, get(forged).statusCode(), "the seal covers every parameter the gateway signed");
        assertEquals(403, get(onward.substring(0, onward.lastIndexOf("&seal="))).statusCode(), "unsealed, unsigned: refused");

        String captive = http.get(steppe.portal, "/api/captive").body();
        assertTrue(captive.contains("\"user-portal-url\":\"https://127.0.0.1:" + portalTls + "/\""), captive);
    }

    @Test
    void aPhoneNumberIsTakenOnlyOverHttps() {
        HttpResponse<String> page = get(http.get(steppe.portal, redirect("AA-BB-CC-00-00-0A")).headers().firstValue("Location").orElseThrow());
        assertTrue(page.body().contains("action=\"/login/sms/request\""), "the SMS form is on the HTTPS page");
        Map<String, String> fields = PortalLoginTest.hiddenFields(page.body());
        fields.put("terms", "yes");
        fields.put("phone", "+976 9911 4343");
        assertEquals(403, http.post(steppe.portal, "/login/sms/request", "application/x-www-form-urlencoded", PortalLoginTest.form(fields)).statusCode());
        assertFalse(outbox().contains("+976******43"), "a number posted in clear starts nothing");
        HttpResponse<String> code = postForm("https://127.0.0.1:" + portalTls + "/login/sms/request", PortalLoginTest.form(fields));
        assertEquals(200, code.statusCode(), code.body());
        assertTrue(code.body().contains("action=\"/login/sms/verify\""), "the code form, over HTTPS too");
        assertTrue(outbox().contains("+976******43"), "the code was sent");
    }

    String outbox() {
        String api = "https://127.0.0.1:" + steppe.api;
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(api + "/api/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + InProcessSteppe.ADMIN + "\",\"password\":\""
                        + InProcessSteppe.PASSWORD + "\"}")));
        return send(HttpRequest.newBuilder(URI.create(api + "/api/dev/sms-outbox"))
                .header("Authorization", "Bearer " + Http.jsonString(login.body(), "token")).GET()).body();
    }

    /**
     * A phone in headless Chromium, which accepts only the served key (pinned by its hash, as the test CA cannot be
     * added to it): from the gateway's redirect over plain HTTP, the voucher form is shown and posted over HTTPS, and the
     * gateway lets the phone in.
     */
    @Test
    void aPhonesBrowserPostsItsVoucherOverHttpsAndIsLetIn(@TempDir Path profile) throws Exception {
        String pin = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(served(portalTls).getPublicKey().getEncoded()));
        try (UamGatewaySimulator gateway = TestGateways.simulator(steppe.server, "chilli", "radius-secret",
                Optional.of(UAM_SECRET), "AA-BB-CC-00-44-01", false)) {
            WebDriver browser = BrowserLoginTest.browser(profile, "en-GB,en", "--ignore-certificate-errors-spki-list=" + pin);
            try {
                browser.get("http://127.0.0.1:" + gateway.port() + "/news");
                assertTrue(browser.getCurrentUrl().startsWith("https://127.0.0.1:" + portalTls + "/?"), browser.getCurrentUrl());
                browser.findElement(By.id("voucher")).sendKeys(voucher());
                browser.findElement(By.id("terms-voucher")).click();
                browser.findElement(By.cssSelector("form[action='/login/voucher'] button")).click();
                BrowserLoginTest.awaitSuccess(browser);
                assertTrue(gateway.lastLogon().orElseThrow().accepted(), "the gateway's Access-Request was accepted");
                assertTrue(browser.getCurrentUrl().startsWith("https://127.0.0.1:" + portalTls + "/?res=success"), browser.getCurrentUrl());
                assertEquals("You are online", browser.findElement(By.tagName("h1")).getText());
            } finally {
                browser.quit();
            }
        }
    }

    /** A gateway that redirects straight to the HTTPS listener signs that URL, and it is checked as signed. */
    @Test
    void aGatewayThatRedirectsToHttpsItselfIsCheckedByItsOwnSignature() {
        String query = query("AA-BB-CC-00-00-09");
        String url = "https://127.0.0.1:" + portalTls + "/?" + query;
        HttpResponse<String> page = get(url + "&md=" + UamChecksum.compute(url, UAM_SECRET));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("action=\"/login/voucher\""));
    }

    @Test
    void aReplacedCertificateIsServedToNewConnectionsWithoutARestart() throws Exception {
        assertEquals(BigInteger.valueOf(4001), served(portalTls).getSerialNumber());
        X509Bundle renewed = certificates.server(4002, false);
        TestCertificates.write(renewed, files);
        BigInteger seen = served(steppe.api).getSerialNumber();
        for (int i = 0; i < 300 && !seen.equals(BigInteger.valueOf(4002)); i++) {
            Thread.sleep(100);
            seen = served(steppe.api).getSerialNumber();
        }
        assertEquals(BigInteger.valueOf(4002), seen, "the API listener's new connections");
        assertEquals(BigInteger.valueOf(4002), served(portalTls).getSerialNumber(), "and the portal's");
        assertEquals(200, get("https://127.0.0.1:" + steppe.api + "/health").statusCode(), "checked against the CA as before");
    }

    @Test
    void aWrongFileStopsStartUpWithItsName(@TempDir Path home) throws Exception {
        SteppeConfig.TlsFiles wrong = TestCertificates.files(home);
        TestCertificates.write(certificates.server(5001, false), wrong);
        Files.writeString(wrong.privateKey(), certificates.server(5002, false).getPrivateKeyPEM());
        Map<String, String> env = TestEnvironment.of(home, "STEPPE_TLS_CERT", wrong.certificate().toString(),
                "STEPPE_TLS_KEY", wrong.privateKey().toString());
        UserError mismatch = assertThrows(UserError.class, () -> SteppeServer.start(SteppeConfig.load(env), Clock.systemUTC()));
        assertEquals("STEPPE_TLS_KEY names " + wrong.privateKey() + ", which is not the key of the certificate in STEPPE_TLS_CERT ("
                + wrong.certificate() + ")", mismatch.getMessage());

        Files.writeString(wrong.certificate(), "not a certificate\n");
        UserError notPem = assertThrows(UserError.class, () -> SteppeServer.start(SteppeConfig.load(env), Clock.systemUTC()));
        assertTrue(notPem.getMessage().startsWith("STEPPE_TLS_CERT names " + wrong.certificate()), notPem.getMessage());

        env.put("STEPPE_TLS_CERT", home.resolve("missing.pem").toString());
        assertEquals("STEPPE_TLS_CERT names " + home.resolve("missing.pem") + ", which is not a readable file",
                assertThrows(UserError.class, () -> SteppeConfig.load(env)).getMessage());
        env.remove("STEPPE_TLS_CERT");
        assertEquals("HTTPS needs both STEPPE_TLS_CERT and STEPPE_TLS_KEY; missing STEPPE_TLS_CERT",
                assertThrows(UserError.class, () -> SteppeConfig.load(env)).getMessage());
    }

    /** The certificate a new connection to {@code port} is shown, checked against the test CA. */
    X509Certificate served(int port) {
        try (SSLSocket socket = (SSLSocket) trustingOnlyTheTestCa().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String query(String mac) {
        byte[] challenge = new byte[16];
        new SecureRandom().nextBytes(challenge);
        return "res=notyet&uamip=10.1.0.1&uamport=3990&challenge=" + HexFormat.of().formatHex(challenge)
                + "&called=02-00-5E-10-00-01&mac=" + mac + "&ip=10.1.0.5&nasid=chilli&sessionid=5f3a0001"
                + "&userurl=" + URLEncoder.encode("http://example.org/", StandardCharsets.UTF_8);
    }

    /** The redirect a CoovaChilli gateway makes to the portal's plain-HTTP port, signed. */
    String redirect(String mac) {
        String query = query(mac);
        return "/?" + query + "&md=" + UamChecksum.compute("http://127.0.0.1:" + steppe.portal + "/?" + query, UAM_SECRET);
    }

    String voucher() {
        return new VoucherIssuer(steppe.server.database().dsl(), steppe.server.keys(), Clock.systemUTC(), new SecureRandom())
                .issue(1, 30, Duration.ofDays(1), 1, "t").get(0);
    }
}

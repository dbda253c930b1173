package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.bench.sim.SimulatedAc;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.server.SteppeServer;
import io.steppe.portal.ac.AccessControllers;
import io.steppe.portal.ac.PortalProtocol;
import io.steppe.portal.ac.PortalServer;
import io.steppe.portal.ac.PortalType;
import io.steppe.radius.auth.VoucherIssuer;
import io.steppe.radius.nas.MessageAuthenticatorPolicy;
import io.steppe.radius.nas.Nas;
import io.steppe.radius.nas.NasAddress;
import io.steppe.radius.nas.NasRepository;
import io.steppe.web.account.AccountRepository;
import io.steppe.web.account.PasswordHasher;
import io.steppe.web.account.Role;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Users of a Huawei-style access controller, from the AC's redirect to "you are online": the portal logs them on
 * through the AC by the Portal protocol, the AC's Access-Request (CHAP over the AC's challenge) is answered by the
 * real RADIUS server, and logging out or the AC's own NTF_LOGOUT end it. The AC is {@link SimulatedAc}; the phone
 * is headless Chromium, whose address (127.0.0.1) is the user's address the AC names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcLoginTest {

    static final String RADIUS_SECRET = "ac-radius-secret-0123";
    static final String PORTAL_SECRET = "ac-portal-secret";
    static final String ADMIN_PASSWORD = "ac-admin-password";
    static final Inet4Address USER = (Inet4Address) InetAddress.getLoopbackAddress();

    SteppeServer server;
    final Http http = new Http();
    final List<SimulatedAc> acs = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path home) {
        server = SteppeServer.start(SteppeConfig.load(TestEnvironment.of(home, "STEPPE_SMS", "outbox")), Clock.systemUTC());
        new AccountRepository(server.database().dsl(), new PasswordHasher(4, new SecureRandom())).add("ada", Role.ADMIN,
                ADMIN_PASSWORD.toCharArray(), "test");
    }

    @AfterAll
    void stop() {
        acs.forEach(SimulatedAc::close);
        server.close();
    }

    /** An AC at {@code address}, registered as a gateway of that name, with the browser's phone connected to it. */
    SimulatedAc ac(String name, String address, PortalProtocol protocol, boolean forgeAnswers, String userMac) throws Exception {
        SimulatedAc ac = new SimulatedAc(new SimulatedAc.Settings(name, protocol, PORTAL_SECRET, new InetSocketAddress(address, 0),
                new InetSocketAddress("127.0.0.1", server.portalProtocol().port()),
                new InetSocketAddress("127.0.0.1", server.radius().authPort()), new InetSocketAddress("127.0.0.1", server.radius().acctPort()),
                RADIUS_SECRET, forgeAnswers));
        acs.add(ac);
        new NasRepository(server.database().dsl(), server.keys()).add(new Nas(name, NasAddress.parse(address), RADIUS_SECRET, Optional.empty(),
                3799, MessageAuthenticatorPolicy.AUTO, MessageAuthenticatorPolicy.AUTO), "test");
        new AccessControllers(server.database().dsl(), server.keys()).register(name, protocol, PORTAL_SECRET, InetAddress.getByName(address),
                ac.port(), "test");
        server.radius().reloadGateways();
        ac.connect(new SimulatedAc.User(USER, userMac, "60-DE-F3-00-00-01", "Ulanqab-Free"));
        return ac;
    }

    /** The page the AC sends a new client to, in China Mobile's parameter names. */
    String redirect(String acName, String userMac) {
        return "http://127.0.0.1:" + server.listeners().portalPort() + "/?wlanuserip=127.0.0.1&wlanacname=" + acName
                + "&wlanusermac=" + userMac + "&wlanapmac=60-DE-F3-00-00-01&ssid=Ulanqab-Free&wlanuserfirsturl="
                + URLEncoder.encode("http://www.ulanqab.gov.cn/", StandardCharsets.UTF_8);
    }

    String voucher() {
        return new VoucherIssuer(server.database().dsl(), server.keys(), Clock.systemUTC(), new SecureRandom())
                .issue(1, 60, Duration.ofDays(1), 1, "test").get(0);
    }

    @Test
    void aVoucherLoginThroughAHuaweiAcIsOnlineAndLoggingOutSendsReqLogout(@TempDir Path profile) throws Exception {
        SimulatedAc ac = ac("hw-ac-v2", "127.0.0.3", PortalProtocol.HUAWEI_V2, false, "02-00-00-00-AC-02");
        WebDriver browser = BrowserLoginTest.browser(profile, "en-GB,en");
        try {
            browser.get(redirect("hw-ac-v2", "02-00-00-00-AC-02"));
            browser.findElement(By.id("voucher")).sendKeys(voucher());
            browser.findElement(By.id("terms-voucher")).click();
            browser.findElement(By.cssSelector("form[action='/login/voucher'] button")).click();
            awaitHeading(browser, "You are online");
            assertTrue(ac.online(USER), "the AC lets the user through");
            assertEquals(List.of(PortalType.REQ_CHALLENGE, PortalType.REQ_AUTH, PortalType.AFF_ACK_AUTH), ac.received());
            assertTrue(browser.getPageSource().contains("http://www.ulanqab.gov.cn/"), "where the user was going, as a link");

            // The AC's Accounting-Start makes the session the status page shows; its logout button ends it through the AC.
            browser.get("http://127.0.0.1:" + server.listeners().portalPort() + "/status?lang=en");
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
                d.navigate().refresh();
                return !d.findElements(By.cssSelector("form[action='/logout'] button")).isEmpty();
            });
            browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !ac.online(USER));
            assertTrue(ac.received().contains(PortalType.REQ_LOGOUT), ac.received().toString());
        } finally {
            browser.quit();
        }
        // The phone comes back: the AC's MAC authentication lets the remembered device in without the portal.
        assertTrue(ac.join(new SimulatedAc.User(USER, "02-00-00-00-AC-02", "60-DE-F3-00-00-01", "Ulanqab-Free")));
        assertFalse(ac.join(new SimulatedAc.User(USER, "02-00-00-00-AC-99", "60-DE-F3-00-00-01", "Ulanqab-Free")), "a device never seen");
    }

    @Test
    void aRussianVisitorLogsInBySmsThroughACmccAcAndTheAcsLogoutNoticeIsAnswered(@TempDir Path profile) throws Exception {
        SimulatedAc ac = ac("h3c-ac-v1", "127.0.0.4", PortalProtocol.CMCC_V1, false, "02-00-00-00-AC-04");
        WebDriver browser = BrowserLoginTest.browser(profile, "ru-RU,ru");
        try {
            browser.get(redirect("h3c-ac-v1", "02-00-00-00-AC-04"));
            browser.findElement(By.id("phone")).sendKeys("+7 914 555 12 34");
            browser.findElement(By.id("terms-sms")).click();
            browser.findElement(By.cssSelector("form[action='/login/sms/request'] button")).click();
            browser.findElement(By.id("code")).sendKeys(codeFromOutbox("+79145551234"));
            browser.findElement(By.cssSelector("form[action='/login/sms/verify'] button")).click();
            awaitHeading(browser, "Вы в сети");
            assertTrue(ac.online(USER));
        } finally {
            browser.quit();
        }
        // A CMCC-style AC is answered with ACK_LOGOUT when it logs the user off itself.
        assertEquals(Optional.of(PortalType.ACK_LOGOUT), ac.kick(USER));
        assertFalse(ac.online(USER));
    }

    @Test
    void forgedAnswersFromTheNetworkAreIgnoredAndTheLoginStillSucceeds() throws Exception {
        SimulatedAc ac = ac("hw-ac-forged", "127.0.0.5", PortalProtocol.HUAWEI_V2, true, "02-00-00-00-AC-05");
        long before = server.portalProtocol().counters().dropped(PortalServer.Drop.NOT_AUTHENTIC);
        HttpResponse<String> online = loginWithVoucher(redirect("hw-ac-forged", "02-00-00-00-AC-05"));
        assertEquals(200, online.statusCode(), online.body());
        assertTrue(ac.online(USER));
        // A forged challenge taken would have made the CHAP answer wrong, and RADIUS would have refused it.
        assertEquals(2, server.portalProtocol().counters().dropped(PortalServer.Drop.NOT_AUTHENTIC) - before);
        assertEquals(Optional.of(PortalType.ACK_NTF_LOGOUT), ac.kick(USER));
    }

    @Test
    void anOperatorsDisconnectReachesTheAcAsReqLogout() throws Exception {
        SimulatedAc ac = ac("hw-ac-kick", "127.0.0.7", PortalProtocol.HUAWEI_V2, false, "02-00-00-00-AC-07");
        assertEquals(200, loginWithVoucher(redirect("hw-ac-kick", "02-00-00-00-AC-07")).statusCode());
        int api = server.listeners().apiPort();
        String token = http.consoleToken(api, "ada", ADMIN_PASSWORD);
        // The AC's Accounting-Start makes the session the operator sees.
        String id = null;
        for (int i = 0; i < 100 && id == null; i++) {
            Matcher m = Pattern.compile("\"id\":\"([0-9a-f]+)\",[^}]*\"gateway\":\"hw-ac-kick\"")
                    .matcher(http.get(api, "/api/sessions", "Authorization", "Bearer " + token).body());
            if (m.find()) {
                id = m.group(1);
            } else {
                Thread.sleep(100);
            }
        }
        assertTrue(id != null, "the session through the AC is listed");
        HttpResponse<String> kicked = http.post(api, "/api/sessions/" + id + "/disconnect", "application/json", "",
                "Authorization", "Bearer " + token);
        assertEquals(200, kicked.statusCode(), kicked.body());
        assertTrue(kicked.body().contains("\"result\":\"ack\""), "the AC's ACK_LOGOUT decides: " + kicked.body());
        assertTrue(ac.received().contains(PortalType.REQ_LOGOUT), ac.received().toString());
        assertFalse(ac.online(USER));
    }

    @Test
    void aRedirectNamingAnAcNotRegisteredOrAnotherUsersAddressIsRefused() throws Exception {
        ac("hw-ac-refuse", "127.0.0.6", PortalProtocol.HUAWEI_V2, false, "02-00-00-00-AC-06");
        HttpResponse<String> unknown = http.get(server.listeners().portalPort(),
                "/?wlanuserip=127.0.0.1&wlanacname=nobody&wlanusermac=02-00-00-00-AC-06", "Accept-Language", "en");
        assertEquals(403, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("not known to us"), unknown.body());
        // The page is asked for by 127.0.0.1, which is neither the user named nor the AC: no login for someone else's address.
        HttpResponse<String> someoneElse = http.get(server.listeners().portalPort(),
                "/?wlanuserip=10.20.0.9&wlanacname=hw-ac-refuse&wlanusermac=02-00-00-00-AC-06", "Accept-Language", "en");
        assertEquals(403, someoneElse.statusCode(), someoneElse.body());
        HttpResponse<String> malformed = http.get(server.listeners().portalPort(),
                "/?wlanuserip=not-an-address&wlanacname=hw-ac-refuse&wlanusermac=02-00-00-00-AC-06", "Accept-Language", "en");
        assertEquals(400, malformed.statusCode(), malformed.body());
        assertTrue(malformed.body().contains("wlanuserip"), "the parameter is named: " + malformed.body());
    }

    /** Waits for the page after a form was sent: the old page's heading may still be there when the click returns. */
    static void awaitHeading(WebDriver browser, String heading) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> heading.equals(d.findElement(By.tagName("h1")).getText()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no page headed '" + heading + "': " + browser.getPageSource(), e);
        }
    }

    HttpResponse<String> loginWithVoucher(String redirect) {
        String path = redirect.substring(redirect.indexOf("/?"));
        HttpResponse<String> page = http.get(server.listeners().portalPort(), path, "Accept-Language", "en");
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> fields = PortalLoginTest.hiddenFields(page.body());
        fields.put("voucher", voucher());
        fields.put("terms", "yes");
        return http.post(server.listeners().portalPort(), "/login/voucher", "application/x-www-form-urlencoded", PortalLoginTest.form(fields));
    }

    String codeFromOutbox(String number) {
        int api = server.listeners().apiPort();
        String outbox = http.get(api, "/api/dev/sms-outbox", "Authorization", "Bearer " + http.consoleToken(api, "ada", ADMIN_PASSWORD)).body();
        Matcher m = Pattern.compile("\"to\":\"\\" + number + "\"[^}]*?\"text\":\"[^\"]*?(\\d{6})").matcher(outbox);
        if (!m.find()) {
            m = Pattern.compile("\"text\":\"[^\"]*?(\\d{6})").matcher(outbox);
            assertTrue(m.find(), outbox);
        }
        return m.group(1);
    }
}

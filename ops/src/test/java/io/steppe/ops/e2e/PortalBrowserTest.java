package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.bench.sim.AccessRequestSender;
import io.steppe.bench.sim.UamGatewaySimulator;
import io.steppe.ops.SteppeConfig;
import io.steppe.ops.server.SteppeServer;
import io.steppe.radius.auth.VoucherIssuer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
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
 * The captive portal as a phone sees it, in headless Chromium behind a simulated CoovaChilli that accounts its
 * clients: online status after a login and log-out through the gateway, refusals in each language with their reason,
 * the code page's language switch, change of number and resend wait, input kept across errors, numbers typed as at
 * home, and no framework page, raw reason or stack trace on any page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {

    static final String RADIUS_SECRET = "portal-browser-radius-secret";
    static final String UAM_SECRET = "portal-browser-uam-secret";
    static final Map<String, String> BROWSER_LANGUAGES = Map.of("zh", "zh-CN,zh", "en", "en-GB,en", "mn", "mn-MN,mn", "ru", "ru-RU,ru");
    /** What no page may show: a reason's raw name, a Java class or stack frame, a framework's JSON error. */
    static final Pattern RAW = Pattern.compile("\\breject(ed)?\\b|\\b[A-Z]{2,}_[A-Z_]{2,}\\b|Exception|\\bat [a-z]+\\.[a-z]+\\.|"
            + "\"message\"|_links|Page Not Found|Internal Server Error|\\{\"");

    SteppeServer server;
    VoucherIssuer vouchers;

    @BeforeAll
    void start(@TempDir Path home) {
        server = SteppeServer.start(SteppeConfig.load(TestEnvironment.of(home, "STEPPE_SMS", "outbox")), Clock.systemUTC());
        TestGateways.add(server, "sim-gw", "127.0.0.1", RADIUS_SECRET, Optional.of(UAM_SECRET));
        server.radius().reloadGateways();
        vouchers = new VoucherIssuer(server.database().dsl(), server.keys(), Clock.systemUTC(), new SecureRandom());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    UamGatewaySimulator gateway(String clientMac) {
        return TestGateways.simulator(server, "sim-gw", RADIUS_SECRET, Optional.of(UAM_SECRET), clientMac, true);
    }

    URI portal(String path) {
        return URI.create("http://127.0.0.1:" + server.listeners().portalPort() + path);
    }

    /** What a test does as one phone: its browser, and the simulated gateway it is behind. */
    interface Phone {
        void use(WebDriver browser, UamGatewaySimulator gateway);
    }

    /** Runs {@code phone} as the client {@code mac} behind its own gateway, in a browser asking for {@code languages}. */
    void asPhone(Path profile, String mac, String languages, Phone phone) {
        try (UamGatewaySimulator gateway = gateway(mac)) {
            WebDriver browser = BrowserLoginTest.browser(profile, languages);
            try {
                browser.get("http://127.0.0.1:" + gateway.port() + "/");
                phone.use(browser, gateway);
            } finally {
                browser.quit();
            }
        }
    }

    /** Types {@code number} into the login page's SMS form, accepts the terms and asks for a code. */
    static void askForACode(WebDriver browser, String number) {
        browser.findElement(By.id("phone")).sendKeys(number);
        browser.findElement(By.id("terms-sms")).click();
        submit(browser, "/login/sms/request");
    }

    static String text(String language, String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle("io.steppe.portal.messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(language)).format(arguments);
    }

    static String body(WebDriver browser) {
        return browser.findElement(By.tagName("body")).getText();
    }

    static void submit(WebDriver browser, String action) {
        browser.findElement(By.cssSelector("form[action='" + action + "'] button[type=submit]")).click();
    }

    static void awaitPortal(WebDriver browser, String what) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(what));
    }

    /** Asserts the page is one of the portal's own, small and clean; returns its source. */
    static String clean(WebDriver browser, String where) {
        String page = browser.getPageSource();
        assertFalse(RAW.matcher(page).find(), where + " shows a raw name or framework text: " + page);
        assertFalse(page.contains("<script"), where + " has a script");
        assertTrue(page.getBytes(StandardCharsets.UTF_8).length < 30 * 1024, where + " is over 30 KB");
        assertTrue(page.contains("<main>"), where + " is not in the portal's layout: " + page);
        return page;
    }

    @Test
    void afterAVoucherLoginStatusAndTheFirstUrlShowOnlineWithTimeLeftAndLogOutWorks(@TempDir Path profile) {
        String code = vouchers.issue(1, 60, Duration.ofDays(1), 1, "test").get(0);
        asPhone(profile, "AA-BB-CC-00-19-01", "en-GB,en", (browser, gateway) -> {
            String firstUrl = "http://127.0.0.1:" + gateway.port() + "/news";
            browser.get(firstUrl);
            submitVoucher(browser, code);
            BrowserLoginTest.awaitSuccess(browser);
            assertOnline(browser, "the gateway's success redirect");
            assertTrue(browser.getPageSource().contains("http://www.ulanqab.gov.cn/"), "where the user was going, as a link");

            browser.get(portal("/status").toString());
            assertOnline(browser, "/status");
            browser.get(firstUrl);
            assertOnline(browser, "the first URL again");
            assertTrue(browser.findElements(By.id("voucher")).isEmpty(), "no login form for a device online");

            browser.findElement(By.id("logout")).click();
            awaitPortal(browser, "res=logoff");
            assertEquals("You are logged out", browser.findElement(By.tagName("h1")).getText());
            assertTrue(gateway.accounted("AA-BB-CC-00-19-01").isEmpty(), "the gateway ended the session");
            browser.get(portal("/status").toString());
            assertTrue(body(browser).contains("This device is not logged in."), body(browser));
            browser.get(firstUrl);
            assertTrue(browser.findElement(By.id("voucher")).isDisplayed(), "logged out: the login form again");
        });
    }

    static void assertOnline(WebDriver browser, String where) {
        clean(browser, where);
        assertEquals("You are online", browser.findElement(By.tagName("h1")).getText(), where);
        assertTrue(browser.findElement(By.id("time-left")).getText().matches("Time left: (59|60) minutes"), where + ": " + body(browser));
        assertTrue(browser.findElement(By.id("data-left")).getText().matches("Data left: [0-9,]+ MB"), where + ": " + body(browser));
        assertTrue(browser.findElement(By.id("logout")).isDisplayed(), where + ": a log-out button");
    }

    @Test
    void aVoucherWhoseDevicesAreTakenIsRefusedWithItsReasonInEachLanguage(@TempDir Path profile) {
        String code = vouchers.issue(1, 60, Duration.ofDays(1), 1, "test").get(0);
        // Its one device logs in at a gateway's own login page: PAP, the code as user name and password.
        Optional<Integer> first = new AccessRequestSender(new InetSocketAddress("127.0.0.1", server.radius().authPort()), RADIUS_SECRET)
                .pap(code, code.getBytes(StandardCharsets.UTF_8), "AA-BB-CC-00-19-10");
        assertEquals(Optional.of(2), first, "the voucher's first device is let in");
        int phone = 11;
        for (String language : List.of("zh", "ru", "mn", "en")) {
            asPhone(profile.resolve(language), "AA-BB-CC-00-19-" + phone++, BROWSER_LANGUAGES.get(language), (browser, gateway) -> {
                submitVoucher(browser, code);
                clean(browser, language + " refusal");
                assertEquals(text(language, "error.voucher.device_limit"), browser.findElement(By.cssSelector(".error")).getText(), language);
                assertEquals(code, browser.findElement(By.id("voucher")).getAttribute("value"), language + ": the code is kept");

                // The gateway refuses a login the portal did not foresee: its own word for it is not shown.
                browser.get("http://127.0.0.1:" + gateway.port() + "/");
                browser.get("http://127.0.0.1:" + gateway.port() + "/logon?username=" + code + "&password=00");
                awaitPortal(browser, "res=failed");
                clean(browser, language + " gateway refusal");
                assertTrue(body(browser).contains(text(language, "failed.reject")), language + ": " + body(browser));
            });
        }
    }

    @Test
    void theCodePageSwitchesLanguageChangesNumberAndSaysHowLongAResendWaits(@TempDir Path profile) {
        asPhone(profile, "AA-BB-CC-00-19-20", "mn-MN,mn", (browser, gateway) -> {
            askForACode(browser, "99112233");
            clean(browser, "code page");
            assertEquals(text("mn", "sms.code_heading"), browser.findElement(By.tagName("h1")).getText(), "a Mongolian number typed as at home");
            String wait = browser.findElement(By.id("resend-wait")).getText();
            assertTrue(Pattern.compile("\\d+ сек").matcher(wait).find() && wait.startsWith("Код ирээгүй юу?"), wait);

            browser.findElement(By.id("resend")).click();
            clean(browser, "resend refused");
            assertEquals(text("mn", "sms.code_heading"), browser.findElement(By.tagName("h1")).getText(), "still the code page");
            String refusal = browser.findElement(By.cssSelector(".error")).getText();
            assertTrue(refusal.startsWith("Энэ дугаарт код саяхан илгээсэн;") && Pattern.compile("\\d+ сек").matcher(refusal).find(), refusal);

            browser.findElement(By.cssSelector("form[action='/login/sms/code'] button[value=ru]")).click();
            clean(browser, "code page in Russian");
            assertEquals(text("ru", "sms.code_heading"), browser.findElement(By.tagName("h1")).getText());
            assertTrue(browser.findElement(By.id("resend-wait")).getText().startsWith("Код не пришёл?"), body(browser));

            browser.findElement(By.id("change-number")).click();
            clean(browser, "login page after change number");
            assertEquals("+97699112233", browser.findElement(By.id("phone")).getAttribute("value"));
            assertTrue(browser.findElement(By.id("terms-sms")).isSelected(), "the terms stay accepted");
            assertEquals("ru", browser.findElement(By.tagName("html")).getAttribute("lang"));
        });
    }

    @Test
    void aChineseNumberWithoutPlusIsReadAsChineseOnAChinesePage(@TempDir Path profile) {
        asPhone(profile, "AA-BB-CC-00-19-30", "zh-CN,zh", (browser, gateway) -> {
            askForACode(browser, "13800138000");
            clean(browser, "zh code page");
            assertEquals(text("zh", "sms.code_heading"), browser.findElement(By.tagName("h1")).getText(), body(browser));
            assertTrue(browser.findElement(By.id("resend-wait")).getText().contains("秒"), body(browser));
        });
    }

    @Test
    void whatWasTypedSurvivesAnError(@TempDir Path profile) {
        asPhone(profile, "AA-BB-CC-00-19-40", "en-GB,en", (browser, gateway) -> {
            askForACode(browser, "12345");
            clean(browser, "bad number");
            assertEquals(text("en", "error.phone.invalid"), browser.findElement(By.cssSelector(".error")).getText());
            assertEquals("12345", browser.findElement(By.id("phone")).getAttribute("value"));
            assertTrue(browser.findElement(By.id("terms-sms")).isSelected(), "the terms box stays ticked");

            browser.findElement(By.id("voucher")).sendKeys("ZZZZ2222ZZ");
            submit(browser, "/login/voucher");
            clean(browser, "unknown voucher");
            assertEquals(text("en", "error.voucher.unknown"), browser.findElement(By.cssSelector(".error")).getText());
            assertEquals("ZZZZ2222ZZ", browser.findElement(By.id("voucher")).getAttribute("value"));
            assertTrue(browser.findElement(By.id("terms-voucher")).isSelected());
        });
    }

    @Test
    void theFaviconIsNoErrorAndUnknownPathsGetTheNotFoundPageInTheVisitorsLanguage(@TempDir Path profile) {
        Http http = new Http();
        var icon = http.get(server.listeners().portalPort(), "/favicon.ico");
        assertEquals(204, icon.statusCode(), icon.body());
        assertTrue(icon.body().isEmpty());
        for (String path : List.of("/no-such-page", "/api/aps", "/console/", "/status/x")) {
            var page = http.get(server.listeners().portalPort(), path, "Accept-Language", "ru-RU,ru");
            assertEquals(404, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
            assertTrue(page.body().contains("<h1>" + text("ru", "notfound.title") + "</h1>"), path + ": " + page.body());
            assertFalse(RAW.matcher(page.body()).find(), path + ": " + page.body());
        }
        var posted = http.post(server.listeners().portalPort(), "/login/voucher", "application/json", "{\"voucher\":1}");
        assertTrue(posted.statusCode() >= 400 && posted.body().contains("<main>") && !RAW.matcher(posted.body()).find(), posted.body());
        WebDriver browser = BrowserLoginTest.browser(profile, "mn-MN,mn");
        try {
            browser.get(portal("/nowhere").toString());
            clean(browser, "404");
            assertEquals(text("mn", "notfound.title"), browser.findElement(By.tagName("h1")).getText());
        } finally {
            browser.quit();
        }
    }

    /** Every page a phone can reach, in each language, read for raw names, stack traces and framework bodies. */
    @Test
    void noPortalPageInAnyLanguageShowsARawNameOrAFrameworkPage(@TempDir Path profile) {
        int phone = 50;
        for (String language : List.of("zh", "en", "mn", "ru")) {
            int number = phone++;
            List<String> seen = new ArrayList<>();
            asPhone(profile.resolve(language), "AA-BB-CC-00-19-" + number, BROWSER_LANGUAGES.get(language), (browser, gateway) -> {
                seen.add(clean(browser, language + " login"));
                submitVoucher(browser, "NOPE2NOPE2");
                seen.add(clean(browser, language + " unknown voucher"));
                seen.add(retypeNumber(browser, "+269 321 2345", language + " country refused"));
                seen.add(retypeNumber(browser, "+7 916 123 45 6" + number % 10, language + " code page"));
                browser.findElement(By.id("code")).sendKeys("000000");
                submit(browser, "/login/sms/verify");
                seen.add(clean(browser, language + " wrong code"));
                browser.findElement(By.id("resend")).click();
                seen.add(clean(browser, language + " resend refused"));
                browser.get(portal("/status").toString());
                seen.add(clean(browser, language + " status"));
                browser.get("http://127.0.0.1:" + gateway.port() + "/");
                browser.get("http://127.0.0.1:" + gateway.port() + "/logon?username=x&password=00");
                awaitPortal(browser, "res=failed");
                seen.add(clean(browser, language + " failed"));
                browser.get("http://127.0.0.1:" + gateway.port() + "/logoff");
                awaitPortal(browser, "res=logoff");
                seen.add(clean(browser, language + " logged off"));
                browser.get(portal("/unknown/path").toString());
                seen.add(clean(browser, language + " not found"));
            });
            for (String page : seen) {
                assertTrue(page.contains("<html lang=\"" + language + "\""), language + ": " + page);
            }
            assertEquals(10, seen.size(), language);
        }
    }

    /** Types {@code number} over what the SMS form holds, asks for a code; the page that answers, checked. */
    static String retypeNumber(WebDriver browser, String number, String where) {
        browser.findElement(By.id("phone")).clear();
        browser.findElement(By.id("phone")).sendKeys(number);
        submit(browser, "/login/sms/request");
        return clean(browser, where);
    }

    static void submitVoucher(WebDriver browser, String code) {
        browser.findElement(By.id("voucher")).sendKeys(code);
        browser.findElement(By.id("terms-voucher")).click();
        submit(browser, "/login/voucher");
    }
}

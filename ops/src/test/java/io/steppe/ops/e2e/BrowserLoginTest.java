package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.ops.SteppeConfig;
import io.steppe.web.account.AccountRepository;
import io.steppe.web.account.PasswordHasher;
import io.steppe.web.account.Role;
import io.steppe.ops.server.SteppeServer;
import io.steppe.bench.sim.UamGatewaySimulator;
import io.steppe.radius.auth.VoucherIssuer;
import java.io.File;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A phone's view, in Debian's headless Chromium: the browser opens a page, the simulated gateway sends it to the
 * portal, the user logs in, the browser carries the credential to the gateway's /logon, and the gateway's
 * Access-Request to the real RADIUS server is accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserLoginTest {

    static final String RADIUS_SECRET = "browser-gw-radius-secret";
    static final String UAM_SECRET = "browser-uam-secret";
    static final String ADMIN_PASSWORD = "browser-admin-password";

    SteppeServer server;
    final Http http = new Http();

    @BeforeAll
    void start(@TempDir Path home) {
        server = SteppeServer.start(SteppeConfig.load(TestEnvironment.of(home, "STEPPE_SMS", "outbox")), Clock.systemUTC());
        new AccountRepository(server.database().dsl(), new PasswordHasher(4, new SecureRandom())).add("ada", Role.ADMIN,
                ADMIN_PASSWORD.toCharArray(), "test");
        TestGateways.add(server, "sim-gw", "127.0.0.1", RADIUS_SECRET, Optional.of(UAM_SECRET));
        server.radius().reloadGateways();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    UamGatewaySimulator gateway(String clientMac) {
        return TestGateways.simulator(server, "sim-gw", RADIUS_SECRET, Optional.of(UAM_SECRET), clientMac, false);
    }

    /** Headless Chromium as root, offline, phone-sized, asking for {@code languages}; {@code more} are further switches. */
    static WebDriver browser(Path profile, String languages, String... more) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/lib/chromium/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=360,740", "--user-data-dir=" + profile, "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        options.addArguments(more);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        return new ChromeDriver(service, options);
    }

    @Test
    void mongolianTouristLogsInWithAPlus976NumberAndTheGatewayIsLetIn(@TempDir Path profile) {
        try (UamGatewaySimulator gateway = gateway("AA-BB-CC-00-09-76")) {
            WebDriver browser = browser(profile, "mn-MN,mn");
            try {
                browser.get("http://127.0.0.1:" + gateway.port() + "/news");
                assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Улаанчавын"), "the portal in Mongolian");
                browser.findElement(By.id("phone")).sendKeys("+976 9911 2233");
                browser.findElement(By.id("terms-sms")).click();
                browser.findElement(By.cssSelector("form[action='/login/sms/request'] button")).click();
                browser.findElement(By.id("code")).sendKeys(codeFromOutbox());
                browser.findElement(By.cssSelector("form[action='/login/sms/verify'] button")).click();
                awaitSuccess(browser);
                assertEquals("Та сүлжээнд холбогдлоо", browser.findElement(By.tagName("h1")).getText());
                assertTrue(gateway.lastLogon().orElseThrow().accepted(), "the gateway's Access-Request was accepted");
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void hotelGuestLogsInWithAVoucher(@TempDir Path profile) {
        String code = new VoucherIssuer(server.database().dsl(), server.keys(), Clock.systemUTC(), new SecureRandom())
                .issue(1, 60, Duration.ofDays(1), 1, "test").get(0);
        try (UamGatewaySimulator gateway = gateway("AA-BB-CC-00-00-86")) {
            WebDriver browser = browser(profile, "en-GB,en");
            try {
                browser.get("http://127.0.0.1:" + gateway.port() + "/");
                browser.findElement(By.id("voucher")).sendKeys(code);
                browser.findElement(By.id("terms-voucher")).click();
                browser.findElement(By.cssSelector("form[action='/login/voucher'] button")).click();
                awaitSuccess(browser);
                assertEquals("You are online", browser.findElement(By.tagName("h1")).getText());
                assertTrue(browser.getPageSource().contains("http://www.ulanqab.gov.cn/"), "where the guest was going, as a link");
                assertTrue(gateway.lastLogon().orElseThrow().accepted());
            } finally {
                browser.quit();
            }
        }
    }

    /** Signs in to the console at {@code base} and waits for its front page, by which the session cookie is set. */
    static void consoleSignIn(WebDriver browser, String base, String user, String password) {
        browser.get(base + "/console/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.login button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/console/"));
    }

    static void awaitSuccess(WebDriver browser) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("res=success"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not back on the portal with res=success: " + browser.getCurrentUrl() + "\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    String codeFromOutbox() {
        int api = server.listeners().apiPort();
        String outbox = http.get(api, "/api/dev/sms-outbox", "Authorization", "Bearer " + http.consoleToken(api, "ada", ADMIN_PASSWORD)).body();
        Matcher m = Pattern.compile("\"text\":\"[^\"]*?(\\d{6})").matcher(outbox);
        assertTrue(m.find(), outbox);
        return m.group(1);
    }
}

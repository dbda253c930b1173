package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.controller.ap.AccessPoint;
import io.steppe.controller.ap.ApRepository;
import io.steppe.db.MutableClock;
import io.steppe.db.net.MacAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console as an operator who reads only Chinese uses it: they find a failing AP, the users on it and its alert's
 * history in headless Chromium, with the page left open while the AP fails and never reloaded by hand.
 */
class ChineseOperatorTest {

    static final String SECRET = "chinese-operator-radius-secret";

    @Test
    void findsAFailingApTheUsersOnItAndItsAlertWithoutReloading(@TempDir Path home, @TempDir Path profile) throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (InProcessSteppe steppe = InProcessSteppe.start(home, Map.of("STEPPE_AP_HOLD_SECONDS", "0", "STEPPE_AP_GROUP_WAIT_SECONDS", "0",
                "STEPPE_AP_PROBES", "off"), clock)) {
            TestGateways.add(steppe.server, "jining-station", "127.0.0.1", SECRET, Optional.empty());
            Map<String, String> tokens = new ApRepository(steppe.server.database().dsl(), new SecureRandom(), clock).registerWithNewTokens(List.of(
                    new AccessPoint("jn-square-01", MacAddress.parse("02:00:5e:10:00:01"), "集宁广场 1 号", Optional.of("jining-square"),
                            Optional.of(new AccessPoint.Location(41.03, 113.13)), Optional.of("jining-station"), Optional.empty())), "test");
            steppe.server.radius().reloadGateways();
            Http http = new Http();
            String heartbeat = "Bearer " + tokens.get("jn-square-01");
            assertEquals(200, http.post(steppe.api, "/api/aps/heartbeat", "application/json", "{\"interval_s\": 5}", "Authorization", heartbeat)
                    .statusCode());
            evaluate(steppe);
            accountingStart(steppe, "tourist-1", "10.1.0.11");

            WebDriver browser = BrowserLoginTest.browser(profile, "zh-CN,zh");
            try {
                String base = "http://127.0.0.1:" + steppe.api;
                BrowserLoginTest.consoleSignIn(browser, base, InProcessSteppe.OPERATOR, InProcessSteppe.PASSWORD);
                browser.findElement(By.linkText("接入点：地图、状态与原因")).click();
                assertEquals("正常", state(browser));

                clock.advance(Duration.ofSeconds(16));
                evaluate(steppe);
                // silent, but RADIUS still has a user on it: it serves, only its management is lost
                await(browser, b -> state(b).equals("无法管理"));
                assertTrue(browser.findElement(By.id("live-status")).getText().contains("已更新"));

                browser.findElement(By.cssSelector("tr[data-id='jn-square-01'] a")).click();
                await(browser, b -> b.findElement(By.id("state")).getText().equals("无法管理"));
                String ap = browser.findElement(By.tagName("main")).getText();
                assertTrue(ap.contains("告警（当前与历史）"), ap);
                String alertHref = browser.findElement(By.cssSelector("#ap-alerts li a")).getDomAttribute("href");

                browser.findElement(By.linkText("此接入点上的在线用户")).click();
                String sessions = browser.findElement(By.id("session-table")).getText();
                assertTrue(sessions.contains("10.1.0.11") && sessions.contains("集宁广场 1 号"), sessions);

                browser.get(base + alertHref);
                String alert = browser.findElement(By.tagName("main")).getText();
                assertTrue(alert.contains("无法管理") && alert.contains("jn-square-01"), alert);
                assertTrue(!alert.contains("UNREACHABLE") && !alert.contains("Exception"), alert);
            } finally {
                browser.quit();
            }
        }
    }

    private static void evaluate(InProcessSteppe steppe) {
        steppe.server.controller().evaluator().inventoryChanged();
        steppe.server.controller().evaluator().evaluate();
    }

    private static String state(WebDriver browser) {
        return browser.findElement(By.cssSelector("tr[data-id='jn-square-01'] td.state")).getText();
    }

    private static void accountingStart(InProcessSteppe steppe, String user, String ip) throws Exception {
        Process radclient = new ProcessBuilder("radclient", "-r", "1", "-t", "3", "127.0.0.1:" + steppe.server.radius().acctPort(), "acct", SECRET)
                .redirectErrorStream(true).start();
        radclient.getOutputStream().write(("User-Name = \"" + user + "\", Acct-Status-Type = Start, Acct-Session-Id = \"" + user
                + "\", Called-Station-Id = \"02-00-5E-10-00-01:Ulanqab-Free\", Calling-Station-Id = \"AA-BB-CC-00-00-01\", Framed-IP-Address = "
                + ip + "\n").getBytes(StandardCharsets.UTF_8));
        radclient.getOutputStream().close();
        assertEquals(0, radclient.waitFor(), new String(radclient.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void await(WebDriver browser, Function<WebDriver, Boolean> what) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(what::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("still at " + browser.getCurrentUrl() + ": " + browser.findElement(By.tagName("body")).getText(), e);
        }
    }
}

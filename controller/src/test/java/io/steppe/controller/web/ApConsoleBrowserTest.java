package io.steppe.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The AP pages and the alerts in headless Chromium, in both console languages: left open while an AP fails, they turn
 * it DOWN without a reload and say when they last updated, or that the connection is lost; no page shows a raw
 * state or reason code, a stack trace or a framework's error page.
 */
class ApConsoleBrowserTest {

    /** Words a reader must never see: state names and reason codes as the code spells them, and signs of a crash. */
    private static final Pattern RAW = Pattern.compile("\\b(UP|DOWN|DEGRADED|UNREACHABLE|UNKNOWN|[A-Za-z]+_[A-Za-z_]+)\\b"
            + "|Exception|\\bat io\\.|Internal Server Error|Whitelabel|\\{\"");

    @TempDir
    Path home;

    @Test
    void aChineseReaderSeesAnApGoDownWithoutReloadingAndThenTheConnectionLost(@TempDir Path profile) {
        try (ControllerHarness h = new ControllerHarness(home, HealthAndAlertsTest.settings(Duration.ZERO))) {
            String failing = h.register("jn-01", 1, Optional.empty());
            String steady = h.register("jn-02", 2, Optional.empty());
            h.heartbeat(failing, "{\"interval_s\": 5}");
            h.heartbeat(steady, "{\"interval_s\": 5}");
            h.evaluate();
            WebDriver browser = browser(profile, "zh-CN,zh");
            try {
                browser.get(h.uri("/console/aps").toString());
                assertEquals("正常", cell(browser, "jn-01"));
                String pageText = browser.findElement(By.tagName("body")).getText();
                assertClean(pageText);

                h.advance(Duration.ofSeconds(16));
                h.heartbeat(steady, "{\"interval_s\": 5}");
                h.evaluate();
                await(browser, b -> cell(b, "jn-01").equals("离线"));
                String status = browser.findElement(By.id("live-status")).getText();
                assertTrue(status.matches("\\d\\d:\\d\\d:\\d\\d 已更新"), status);
                String text = browser.findElement(By.tagName("body")).getText();
                assertTrue(text.contains("AP AP jn-01 (jn-01) 离线：自 2026-05-01 16:00:00 起无心跳"), "the open alert, by name, in Chinese: " + text);
                assertClean(text);

                browser.get(h.uri("/console/aps/jn-01").toString());
                assertEquals("离线", browser.findElement(By.id("state")).getText());
                assertClean(browser.findElement(By.tagName("body")).getText());
                browser.get(h.uri("/console/alerts").toString());
                assertTrue(browser.findElement(By.id("open-alerts")).getText().contains("离线"));
                assertClean(browser.findElement(By.tagName("body")).getText());
                browser.get(h.uri("/console/aps/no-such-ap").toString());
                assertTrue(browser.findElement(By.tagName("body")).getText().contains("没有编号为“no-such-ap”的 AP"));
                assertClean(browser.findElement(By.tagName("body")).getText());

                browser.get(h.uri("/console/aps/jn-02").toString());
                h.stopListening();
                await(browser, b -> b.findElement(By.id("live-status")).getText().contains("连接中断"));
                assertEquals("live lost", browser.findElement(By.id("live-status")).getDomAttribute("class"));
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void anEnglishReaderSeesTheSamePagesInEnglishAndTheApPageTurnsDownInPlace(@TempDir Path profile) {
        try (ControllerHarness h = new ControllerHarness(home, HealthAndAlertsTest.settings(Duration.ZERO))) {
            String token = h.register("jn-01", 1, Optional.empty());
            h.heartbeat(token, "{\"interval_s\": 5, \"clients\": 90}");
            h.evaluate();
            WebDriver browser = browser(profile, "en-GB,en");
            try {
                browser.get(h.uri("/console/aps/jn-01").toString());
                assertEquals("Degraded", browser.findElement(By.id("state")).getText());
                h.advance(Duration.ofSeconds(16));
                h.evaluate();
                await(browser, b -> b.findElement(By.id("state")).getText().equals("Down"));
                assertTrue(browser.findElement(By.id("live-status")).getText().startsWith("Updated "));
                String text = browser.findElement(By.tagName("body")).getText();
                assertTrue(text.contains("no heartbeat since 2026-05-01 16:00:00 (3 intervals of 5 s missed)"), text);
                assertClean(text);
                for (String path : new String[] {"/console/aps", "/console/alerts", "/console/alerts/1", "/console/aps/no-such-ap"}) {
                    browser.get(h.uri(path).toString());
                    assertClean(browser.findElement(By.tagName("body")).getText());
                }
            } finally {
                browser.quit();
            }
        }
    }

    /** Waits for the page to show {@code what}; on a timeout, fails with what the page shows instead. */
    private static void await(WebDriver browser, java.util.function.Function<WebDriver, Boolean> what) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(what::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not shown within 30 s; the page has: " + browser.getPageSource(), e);
        }
    }

    private static String cell(WebDriver browser, String id) {
        return browser.findElement(By.cssSelector("tr[data-id='" + id + "'] td.state")).getText();
    }

    private static void assertClean(String text) {
        Matcher raw = RAW.matcher(text);
        assertFalse(raw.find(), () -> "'" + raw.group() + "' shown to a reader in: " + text);
    }

    /** Headless Chromium as root, offline, asking for {@code languages}. */
    static WebDriver browser(Path profile, String languages) {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/lib/chromium/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile, "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        return new ChromeDriver(service, options);
    }
}

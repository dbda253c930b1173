package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** An operator at a tourist desk in headless Chromium, in Chinese: signs in, creates vouchers, prints, revokes one. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoucherConsoleBrowserTest {

    InProcessSteppe steppe;

    @BeforeAll
    void start(@TempDir Path home) {
        steppe = InProcessSteppe.start(home, Map.of());
    }

    @AfterAll
    void stop() {
        steppe.close();
    }

    @Test
    void anOperatorSignsInInChineseCreatesAndPrintsCardsAndRevokesOne(@TempDir Path profile) {
        WebDriver browser = BrowserLoginTest.browser(profile, "zh-CN,zh");
        try {
            String console = "http://127.0.0.1:" + steppe.api;
            BrowserLoginTest.consoleSignIn(browser, console, InProcessSteppe.OPERATOR, InProcessSteppe.PASSWORD);
            browser.findElement(By.cssSelector("a[href='/console/vouchers']")).click();
            assertEquals("上网券", browser.findElement(By.tagName("h1")).getText());

            WebElement count = browser.findElement(By.id("count"));
            count.clear();
            count.sendKeys("2");
            browser.findElement(By.cssSelector("#create button")).click();
            assertEquals("上网券卡片", browser.findElement(By.tagName("h1")).getText());
            List<WebElement> cards = browser.findElements(By.cssSelector("article.card"));
            assertEquals(2, cards.size());
            for (WebElement card : cards) {
                assertTrue(card.findElement(By.cssSelector("svg.qr path")).getAttribute("d").startsWith("M"), "a QR code drawn inline");
                assertTrue(card.findElement(By.cssSelector(".code")).getText().matches("[A-Z0-9]{10}"));
            }

            browser.findElement(By.cssSelector(".sheet-tools a[href='/console/vouchers']")).click();
            List<WebElement> unused = browser.findElements(By.cssSelector("#vouchers tr[data-state='UNUSED'] button"));
            assertEquals(2, unused.size());
            unused.get(0).click();
            assertTrue(browser.findElement(By.id("revoked")).getText().contains("已作废 1 张上网券"), browser.getPageSource());
            assertEquals(1, browser.findElements(By.cssSelector("#vouchers tr[data-state='REVOKED']")).size());
            String text = browser.findElement(By.tagName("main")).getText();
            assertTrue(text.contains("已作废") && text.contains("未使用"), text);
            assertFalse(text.contains("REVOKED") || text.contains("UNUSED"), text);
        } finally {
            browser.quit();
        }
    }
}

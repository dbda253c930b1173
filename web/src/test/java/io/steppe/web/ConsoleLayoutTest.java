package io.steppe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.web.ConsolePage.Link;
import io.steppe.web.account.Account;
import io.steppe.web.account.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleLayoutTest {

    final ConsoleTexts texts = new ConsoleTexts(List.of(), null);
    final ConsoleLayout layout = new ConsoleLayout(texts);
    final Texts en = texts.of(ConsoleTexts.ENGLISH);
    final Texts zh = texts.of(ConsoleTexts.CHINESE);
    final Account olga = new Account(1, "olga", Role.OPERATOR, Instant.EPOCH);

    ConsolePage page(Texts t, String title, Account user, Link... trail) {
        return new ConsolePage(t, title, List.of(trail), user, null, "/console/aps?state=DOWN&site=x");
    }

    @Test
    void framesABodyWithTheTrailTheAccountTheStylesheetAndTheScripts() {
        String page = layout.page(page(en, "Steppe · <ap>", olga, new Link("Access points", "/console/aps"), Link.here("ap-1"))
                .withScript("/console/assets/aps/ap.js"), out -> out.writeContent("<p>body</p>"));
        assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), page);
        assertTrue(page.contains("<title>Steppe · &lt;ap&gt;</title>"), page);
        assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/console/assets/console.css\">"), page);
        assertTrue(page.contains("<a href=\"/console/\">Steppe console</a>") && page.contains("<a href=\"/console/aps\">Access points</a>")
                && page.contains("<strong>ap-1</strong>"), page);
        assertTrue(page.contains("olga (operator) <button type=\"submit\">Sign out</button>"), page);
        assertTrue(page.contains("<main><p>body</p></main>"), page);
        assertTrue(page.contains("<script src=\"/console/assets/live.js\"></script>\n<script src=\"/console/assets/aps/ap.js\"></script>"), page);
        assertFalse(page.contains("<style") || page.contains("<script>"), "no inline code, which the console's policy forbids");
    }

    @Test
    void chineseReadersGetChineseFramingAndASwitchBackToThisPageInEnglish() {
        String page = layout.page(page(zh, "接入点", olga, Link.here("接入点")), out -> { });
        assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"zh\">"), page);
        assertTrue(page.contains("<a href=\"/console/\">Steppe 控制台</a>"), page);
        assertTrue(page.contains("olga (运维) <button type=\"submit\">退出</button>"), page);
        assertTrue(page.contains("<strong lang=\"zh\">中文</strong>"), page);
        assertTrue(page.contains("<a lang=\"en\" href=\"/console/lang?to=en&amp;back=%2Fconsole%2Faps%3Fstate%3DDOWN%26site%3Dx\">English</a>"), page);
        assertTrue(page.contains("data-zone=\"Asia/Shanghai\""), page);
    }

    @Test
    void theFrontPageIsWhereTheTrailStartsAndTheSignInPageHasNoAccount() {
        String home = layout.page(page(en, "Steppe console", olga), out -> { });
        assertTrue(home.contains("<strong>Steppe console</strong>") && !home.contains("<a href=\"/console/\">"), home);
        String signIn = layout.page(page(zh, "登录", null),
                layout.templates().content("login.jte", Map.of("t", zh, "error", "用户名或密码错误。")));
        assertFalse(signIn.contains("logout") || signIn.contains("退出"), signIn);
        assertTrue(signIn.contains("<form class=\"login\" method=\"post\" action=\"/console/login\">"), signIn);
        assertTrue(signIn.contains("<p class=\"error\" role=\"alert\">用户名或密码错误。</p>"), signIn);
        assertTrue(signIn.contains("<label for=\"username\">用户名</label>") && signIn.contains("<label for=\"password\">密码</label>"), signIn);
    }

    @Test
    void aNoticeSaysItsTextEscapedWithItsWayOnward() {
        String page = layout.notice(page(en, "Not saved", olga),
                new ConsoleLayout.Notice("status 'x' is <unknown>", true, new Link("Back to the gap", "/console/coverage/gaps/1?a=1&b=2")));
        assertTrue(page.contains("<p class=\"error\">status &#39;x&#39; is &lt;unknown&gt;</p>"), page);
        assertTrue(page.contains("<p><a href=\"/console/coverage/gaps/1?a=1&amp;b=2\">Back to the gap</a></p>"), page);
        String plain = layout.notice(page(en, "No such AP", olga), new ConsoleLayout.Notice("No AP with id 'x'.", false, null));
        assertTrue(plain.contains("<main><p>No AP with id &#39;x&#39;.</p>\n</main>"), plain);
        assertEquals(-1, plain.indexOf("<a href=\"null\""), plain);
    }
}

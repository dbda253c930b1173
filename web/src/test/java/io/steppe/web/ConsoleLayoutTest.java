package io.steppe.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.web.ConsolePage.Link;
import io.steppe.web.account.Account;
import io.steppe.web.account.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleLayoutTest {

    final ConsoleLayout layout = new ConsoleLayout();
    final Account olga = new Account(1, "olga", Role.OPERATOR, Instant.EPOCH);

    @Test
    void framesABodyWithTheTrailTheAccountTheStylesheetAndTheScript() {
        String page = layout.page(new ConsolePage("Steppe · <ap>", List.of(new Link("Access points", "/console/aps"), Link.here("ap-1")), olga)
                .withScript("/console/assets/aps/ap.js"), out -> out.writeContent("<p>body</p>"));
        assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), page);
        assertTrue(page.contains("<title>Steppe · &lt;ap&gt;</title>"), page);
        assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/console/assets/console.css\">"), page);
        assertTrue(page.contains("<a href=\"/console/\">Steppe console</a>") && page.contains("<a href=\"/console/aps\">Access points</a>")
                && page.contains("<strong>ap-1</strong>"), page);
        assertTrue(page.contains("olga (operator) <button type=\"submit\">Sign out</button>"), page);
        assertTrue(page.contains("<main><p>body</p></main>"), page);
        assertTrue(page.contains("<script src=\"/console/assets/aps/ap.js\"></script>"), page);
        assertFalse(page.contains("<style") || page.contains("<script>"), "no inline code, which the console's policy forbids");
    }

    @Test
    void theFrontPageIsWhereTheTrailStartsAndTheSignInPageHasNoHeader() {
        String home = layout.page(new ConsolePage("Steppe console", List.of(), olga), out -> { });
        assertTrue(home.contains("<strong>Steppe console</strong>") && !home.contains("<a href=\"/console/\">"), home);
        String signIn = layout.page(new ConsolePage("Steppe console · sign in", List.of(), null, null),
                layout.templates().content("login.jte", "wrong user name or password"));
        assertFalse(signIn.contains("<header>") || signIn.contains("<script"), signIn);
        assertTrue(signIn.contains("<form class=\"login\" method=\"post\" action=\"/console/login\">"), signIn);
        assertTrue(signIn.contains("<p class=\"error\" role=\"alert\">wrong user name or password</p>"), signIn);
        assertTrue(signIn.contains("<label for=\"username\">") && signIn.contains("<label for=\"password\">"), signIn);
    }

    @Test
    void aNoticeSaysItsTextEscapedWithItsWayOnward() {
        String page = layout.notice(new ConsolePage("Not saved", List.of(), olga),
                new ConsoleLayout.Notice("status 'x' is <unknown>", true, new Link("Back to the gap", "/console/coverage/gaps/1?a=1&b=2")));
        assertTrue(page.contains("<p class=\"error\">status &#39;x&#39; is &lt;unknown&gt;</p>"), page);
        assertTrue(page.contains("<p><a href=\"/console/coverage/gaps/1?a=1&amp;b=2\">Back to the gap</a></p>"), page);
        String plain = layout.notice(new ConsolePage("No such AP", List.of(), olga), new ConsoleLayout.Notice("No AP with id 'x'.", false, null));
        assertTrue(plain.contains("<main><p>No AP with id &#39;x&#39;.</p>\n</main>"), plain);
        assertEquals(-1, plain.indexOf("<a href=\"null\""), plain);
    }
}

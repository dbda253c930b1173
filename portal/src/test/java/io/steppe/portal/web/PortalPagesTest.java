package io.steppe.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.portal.PortalSettings;
import io.steppe.portal.ac.AcRedirect;
import io.steppe.portal.ac.AccessController;
import io.steppe.portal.ac.PortalProtocol;
import io.steppe.portal.sms.PhoneNumber;
import io.steppe.portal.uam.AddressRange;
import io.steppe.portal.uam.Gateway;
import io.steppe.portal.uam.UamRedirect;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PortalPagesTest {

    static final UamRedirect REDIRECT = UamRedirect.parse(Map.of("res", "notyet", "uamip", "10.1.0.1", "uamport", "3990",
            "challenge", "0123456789abcdef0123456789abcdef", "mac", "AA-BB-CC-00-00-01", "nasid", "gw\"<1>",
            "userurl", "http://example.org/?a=1&b=2"));
    static final Arrival ARRIVAL = new Arrival.Uam(REDIRECT, new Gateway("gw1", Optional.empty(), false, Set.of(),
            new AddressRange(InetAddress.getLoopbackAddress(), 32)));
    static final Arrival AC = new Arrival.Ac(AcRedirect.parse(Map.of("wlanuserip", "10.20.0.7", "wlanusermac", "02-00-00-00-00-07",
            "wlanacname", "hw-ac", "ssid", "Ulanqab-Free", "wlanuserfirsturl", "http://example.org/")),
            new AccessController("hw-ac", PortalProtocol.HUAWEI_V2, "s", new InetSocketAddress(InetAddress.getLoopbackAddress(), 2000)));

    static final PortalSettings SETTINGS = new PortalSettings(URI.create("http://portal/"), 120, 1024);

    static PortalPages pages(String language) {
        return new PortalPages(Messages.choose(Optional.of(language), Optional.empty()));
    }

    @Test
    void theInlineStylesheetIsTheOneTheHashAllows() throws Exception {
        String page = pages("en").login(ARRIVAL, "uamip=10.1.0.1", "token", Optional.empty(), SETTINGS, true, LoginPage.Typed.NONE);
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page);
        assertTrue(style.find(), page);
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertEquals("'sha256-" + hash + "'", PortalPages.STYLE_HASH);
        assertFalse(style.find(), "one stylesheet");
    }

    @Test
    void theLoginPageIsSmallSelfContainedAndSaysWhereSmartClientsLogIn() {
        for (String language : Messages.LANGUAGES) {
            String page = pages(language).login(ARRIVAL, "uamip=10.1.0.1&lang=ru", "token", Optional.empty(), SETTINGS, true, LoginPage.Typed.NONE);
            assertTrue(page.startsWith("<!DOCTYPE html>\n<!--<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), page);
            assertTrue(page.contains("<html lang=\"" + language + "\">"), page);
            assertTrue(page.getBytes(StandardCharsets.UTF_8).length < 8 * 1024, language + ": " + page.length());
            assertFalse(page.contains("<script") || page.contains(" src=") || page.contains("<link"), page);
            assertTrue(page.contains("<LoginURL>http://portal/</LoginURL><AbortLoginURL>http://10.1.0.1:3990/abort</AbortLoginURL>"), page);
            assertTrue(page.contains("<AccessLocation>gw&quot;&lt;1&gt;</AccessLocation>"), "escaped in the comment too: " + page);
            assertTrue(page.contains("<form method=\"post\" action=\"/login/sms/request\">")
                    && page.contains("<form method=\"post\" action=\"/login/voucher\">"), page);
            assertFalse(page.contains("lang=ru&amp;"), "the language links drop the old choice: " + page);
            assertTrue(language.equals("en") || page.contains("<a lang=\"en\" href=\"/?uamip=10.1.0.1&amp;lang=en\">"), page);
        }
    }

    @Test
    void everyFormCarriesTheRedirectBackEscaped() {
        String page = pages("zh").login(ARRIVAL, "", "tok\"en", Optional.empty(), SETTINGS, false, LoginPage.Typed.NONE);
        assertTrue(page.contains("<input type=\"hidden\" name=\"userurl\" value=\"http://example.org/?a=1&amp;b=2\">"), page);
        assertTrue(page.contains("<input type=\"hidden\" name=\"nasid\" value=\"gw&#34;&lt;1>\">"), page);
        assertTrue(page.contains("<input type=\"hidden\" name=\"csrf\" value=\"tok&#34;en\">"), page);
        assertTrue(page.contains("<input type=\"hidden\" name=\"lang\" value=\"zh\">"), page);
        assertFalse(page.contains("/login/sms/request"), "no SMS form where no SMS can be sent");
        assertTrue(page.contains("<strong lang=\"zh\">中文</strong>") && page.contains("<a lang=\"en\" href=\"/?lang=en\">English</a>"), page);
    }

    @Test
    void anAcsLoginPageCarriesItsFieldsAndNoWisprOfAGateway() {
        String page = pages("en").login(AC, "wlanuserip=10.20.0.7", "token", Optional.empty(), SETTINGS, true, LoginPage.Typed.NONE);
        assertTrue(page.startsWith("<!DOCTYPE html>") && !page.contains("WISPAccessGatewayParam"), page);
        for (String field : new String[] {"<input type=\"hidden\" name=\"wlanuserip\" value=\"10.20.0.7\">",
                "<input type=\"hidden\" name=\"wlanusermac\" value=\"02:00:00:00:00:07\">",
                "<input type=\"hidden\" name=\"wlanacname\" value=\"hw-ac\">",
                "<input type=\"hidden\" name=\"wlanuserfirsturl\" value=\"http://example.org/\">"}) {
            assertTrue(page.contains(field), field + ": " + page);
        }
        assertFalse(page.contains("uamip"), page);
    }

    @Test
    void labelsAreTiedToTheirFields() {
        String page = pages("en").login(ARRIVAL, "", "token", Optional.empty(), SETTINGS, true, LoginPage.Typed.NONE);
        for (String field : new String[] {"phone", "voucher", "terms-sms", "terms-voucher"}) {
            assertTrue(page.contains("<label for=\"" + field + "\">") && page.contains("id=\"" + field + "\""), field + ": " + page);
        }
    }

    @Test
    void textIsEscapedQuotesAndAll() {
        String page = pages("en").message("Cannot log in", Optional.of("parameter 'challenge' is <missing>"), Optional.empty());
        assertTrue(page.contains("<p>parameter &#39;challenge&#39; is &lt;missing&gt;</p>"), page);
        String error = pages("ru").login(ARRIVAL, "", "token", Optional.of("Неверный код \"x\""), SETTINGS, false, LoginPage.Typed.NONE);
        assertTrue(error.contains("<p class=\"error\" role=\"alert\">Неверный код &quot;x&quot;</p>"), error);
    }

    @Test
    void aLinkOnwardIsNeverAScript() {
        String page = pages("en").message("You are online", Optional.empty(), Optional.of(new String[] {"Continue", "javascript:alert(1)"}));
        assertFalse(page.contains("javascript:"), page);
        String safe = pages("en").message("You are online", Optional.empty(), Optional.of(new String[] {"Continue", "http://a.example/?x=1&y=2"}));
        assertTrue(safe.contains("<p><a href=\"http://a.example/?x=1&amp;y=2\">Continue</a></p>"), safe);
    }

    @Test
    void theCodeAndStatusPagesSayWhatTheyShould() {
        PhoneNumber phone = new PhoneNumber("+97699112233");
        String code = pages("en").code(ARRIVAL, "token", phone, Optional.empty(), "No code yet? You can ask again in 45 s.");
        assertTrue(code.contains("A code was sent to " + phone.masked()) && code.contains("name=\"phone\" value=\"+97699112233\""), code);
        assertTrue(code.contains("You can ask again in 45 s.") && code.contains("action=\"/login/sms/change\"")
                && code.contains("<button type=\"submit\" name=\"to\" value=\"ru\" lang=\"ru\">Русский</button>"), code);
        String wrong = pages("en").code(ARRIVAL, "token", phone, Optional.of("That code is not right."), "");
        assertTrue(wrong.contains("role=\"alert\">That code is not right."), wrong);
        String status = pages("en").status(1800, 1024L * 1024 * 1024, null, "token", Optional.empty());
        assertTrue(status.contains("Time left: 30 minutes") && status.contains("Data left: 1,024 MB"), status);
        assertTrue(status.contains("<form method=\"post\" action=\"/logout\">"), status);
        String uam = pages("en").status(60, 0, "http://10.1.0.1:3990/logoff", null, Optional.empty());
        assertTrue(uam.contains("<form method=\"get\" action=\"http://10.1.0.1:3990/logoff\">") && !uam.contains("/logout"), uam);
    }

    @Test
    void whatWasTypedIsFilledInAgain() {
        String page = pages("en").login(ARRIVAL, "", "token", Optional.of("x"), SETTINGS, true,
                new LoginPage.Typed("99112233", "QFX4\"KTNWA7", true));
        assertTrue(page.contains("value=\"99112233\"") && page.contains("value=\"QFX4&#34;KTNWA7\""), page);
        assertEquals(2, page.split("required checked", -1).length - 1, page);
        assertFalse(pages("en").login(ARRIVAL, "", "token", Optional.empty(), SETTINGS, true, LoginPage.Typed.NONE).contains("checked"));
    }

    @Test
    void theVoucherTermsPromiseOnlyWhatAVoucherCarries() {
        for (String language : Messages.LANGUAGES) {
            String page = pages(language).login(ARRIVAL, "", "token", Optional.empty(), new PortalSettings(URI.create("http://portal/"), 95, 700),
                    true, LoginPage.Typed.NONE);
            Matcher voucher = Pattern.compile("id=\"terms-voucher-text\">([^<]*)<").matcher(page);
            Matcher sms = Pattern.compile("id=\"terms-sms-text\">([^<]*)<").matcher(page);
            assertTrue(voucher.find() && sms.find(), page);
            assertFalse(voucher.group(1).contains("95") || voucher.group(1).contains("120"), language + ": " + voucher.group(1));
            assertTrue(sms.group(1).contains("95") && sms.group(1).contains("700"), language + ": " + sms.group(1));
        }
    }
}

package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nayuki.qrcodegen.QrCode;
import io.steppe.db.AuditLog;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator at a tourist desk: creates vouchers on the console, prints their sheet, revokes one; a gateway
 * (Debian's radclient) then finds the revoked code refused and the others accepted, and the audit log has both acts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoucherConsoleTest {

    static final String SECRET = "desk-gw-radius-secret";
    static final Pattern CARD = Pattern.compile("(?s)<article class=\"card\">.*?</article>");
    static final Pattern CODE = Pattern.compile("<p class=\"code\">([A-Z0-9]{10})</p>");
    static final Pattern SVG = Pattern.compile("<svg class=\"qr\"[^>]*viewBox=\"0 0 (\\d+) (\\d+)\"[^>]*>.*?<path d=\"([^\"]+)\"");
    static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");

    InProcessSteppe steppe;
    final Http http = new Http();

    @BeforeAll
    void start(@TempDir Path home) {
        steppe = InProcessSteppe.start(home, Map.of());
        TestGateways.add(steppe.server, "desk-gw", "127.0.0.1", SECRET, Optional.empty());
        steppe.server.radius().reloadGateways();
    }

    @AfterAll
    void stop() {
        steppe.close();
    }

    ConsoleSession operator(String language) {
        return ConsoleSession.signIn(http, steppe.api, InProcessSteppe.OPERATOR, InProcessSteppe.PASSWORD, language);
    }

    /** Creates vouchers on the page's form as a person would, and answers the sheet. */
    static HttpResponse<String> create(ConsoleSession session, int count, int minutes) {
        String page = session.get("/console/vouchers").body();
        Matcher batch = Pattern.compile("name=\"batch\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(batch.find(), page);
        return session.post("/console/vouchers", page, Map.of("batch", batch.group(1), "count", Integer.toString(count),
                "minutes", Integer.toString(minutes), "valid_days", "2", "devices", "1"));
    }

    static List<String> codes(String sheet) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(sheet);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    String pap(String code, String mac) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("radclient", "-x", "-r", "1", "-t", "3", "127.0.0.1:" + steppe.server.radius().authPort(), "auth", SECRET)
                .redirectErrorStream(true).start();
        p.getOutputStream().write(("User-Name = \"" + code + "\", User-Password = \"" + code + "\", Calling-Station-Id = \"" + mac
                + "\", Message-Authenticator = 0x00\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "radclient hung");
        return out;
    }

    @Test
    void anOperatorPrintsThreeCardsRevokesOneAndRadiusRefusesOnlyThatOne() throws Exception {
        ConsoleSession operator = operator("en-GB,en");
        HttpResponse<String> sheet = create(operator, 3, 45);
        assertEquals(200, sheet.statusCode(), sheet.body());
        assertEquals("no-store", sheet.headers().firstValue("Cache-Control").orElse(""));
        List<String> cards = new ArrayList<>();
        CARD.matcher(sheet.body()).results().forEach(r -> cards.add(r.group()));
        assertEquals(3, cards.size(), sheet.body());
        List<String> codes = codes(sheet.body());
        assertEquals(3, codes.size());
        for (int i = 0; i < 3; i++) {
            String card = cards.get(i);
            assertTrue(card.contains("45 min online"), card);
            assertTrue(card.contains("上网 45 分钟") && card.contains("Join the free Wi-Fi"), "both languages on each card: " + card);
            assertQrEncodes(codes.get(i), card);
        }

        String list = operator.get("/console/vouchers").body();
        for (String code : codes) {
            assertFalse(list.contains(code), "the list never shows a whole code");
        }
        assertTrue(list.contains(codes.get(0).substring(0, 2) + "••••••••"), "masked to its first two characters");

        HttpResponse<String> revoked = operator.post("/console/vouchers/revoke", list, Map.of("code", codes.get(0).toLowerCase()));
        assertEquals(303, revoked.statusCode(), revoked.body());
        assertEquals("/console/vouchers?revoked=1", revoked.headers().firstValue("Location").orElseThrow());
        String after = operator.get("/console/vouchers?revoked=1").body();
        assertTrue(after.contains("1 voucher revoked"), after);
        assertTrue(ConsoleSession.visibleText(after).contains("revoked"), "the state, translated");

        String refused = pap(codes.get(0), "AA-BB-CC-00-00-01");
        assertTrue(refused.contains("Received Access-Reject") && refused.contains("This voucher has been revoked")
                || refused.contains("上网券已作废"), refused);
        assertTrue(pap(codes.get(1), "AA-BB-CC-00-00-02").contains("Received Access-Accept"));
        assertTrue(pap(codes.get(2), "AA-BB-CC-00-00-03").contains("Received Access-Accept"));

        List<AuditLog.AuditEntry> audit = AuditLog.recent(steppe.server.database().dsl(), 20);
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("voucher.create") && e.actor().equals(InProcessSteppe.OPERATOR)
                && e.subject().equals("3 vouchers")), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("voucher.revoke") && e.actor().equals(InProcessSteppe.OPERATOR)
                && e.subject().equals(codes.get(0).substring(0, 2) + "••••••••")), audit.toString());
        assertTrue(audit.stream().noneMatch(e -> codes.stream().anyMatch(c -> (e.subject() + e.detailsJson()).contains(c))),
                "no code in the audit log");
    }

    @Test
    void aBatchIsRevokedTogetherAndItsFormSentAgainIssuesNothing() {
        ConsoleSession operator = operator("en");
        String page = operator.get("/console/vouchers").body();
        Matcher batch = Pattern.compile("name=\"batch\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(batch.find());
        Map<String, String> form = Map.of("batch", batch.group(1), "count", "2", "minutes", "30", "valid_days", "1", "devices", "2");
        assertEquals(200, operator.post("/console/vouchers", page, form).statusCode());
        HttpResponse<String> again = operator.post("/console/vouchers", page, form);
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("already created") && codes(again.body()).isEmpty(), again.body());

        HttpResponse<String> revoked = operator.post("/console/vouchers/revoke", page, Map.of("batch", batch.group(1)));
        assertEquals("/console/vouchers?revoked=2", revoked.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void badTermsAndForgedFormsAreRefusedOnAPageInTheReadersLanguage() {
        ConsoleSession operator = operator("zh-CN,zh");
        HttpResponse<String> tooMany = create(operator, 201, 60);
        assertEquals(400, tooMany.statusCode());
        assertTrue(tooMany.body().contains("卡片数必须是 1 到 200 之间的整数"), tooMany.body());
        HttpResponse<String> tooLong = create(operator, 1, 600_000);
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("上网分钟数必须是 1 到 525,600 之间的整数"), tooLong.body());
        HttpResponse<String> forged = operator.postRaw("/console/vouchers/revoke", Map.of("csrf", "guess", "batch", java.util.UUID.randomUUID().toString()));
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("未做任何更改"), forged.body());
    }

    @Test
    void eachPageSpeaksChineseOrEnglishAndNamesNoStateByItsEnumName() {
        create(operator("en"), 1, 60);
        String zh = operator("zh-CN,zh;q=0.9,en;q=0.5").get("/console/vouchers").body();
        assertTrue(zh.contains("<h1>上网券</h1>") && zh.contains("未使用"), zh);
        HttpResponse<String> en = operator("en-US").get("/console/vouchers");
        assertEquals(200, en.statusCode());
        assertTrue(en.body().contains("<h1>Vouchers</h1>") && en.body().contains("unused"), en.body());
        for (String page : List.of(zh, en.body())) {
            String text = ConsoleSession.visibleText(page);
            for (String raw : List.of("UNUSED", "IN_USE", "SPENT", "EXPIRED", "REVOKED", "OPERATOR", "Exception", "vouchers.")) {
                assertFalse(text.contains(raw), raw + " in " + text);
            }
        }
        HttpResponse<String> planner = http.get(steppe.api, "/console/vouchers", "Cookie",
                "steppe_session=" + http.consoleToken(steppe.api, InProcessSteppe.PLANNER, InProcessSteppe.PASSWORD));
        assertEquals(403, planner.statusCode());
    }

    /** The card's SVG draws exactly the modules that qrcodegen makes of the code, inside a four-module quiet zone. */
    static void assertQrEncodes(String code, String card) {
        Matcher svg = SVG.matcher(card);
        assertTrue(svg.find(), card);
        QrCode expected = QrCode.encodeText(code, QrCode.Ecc.MEDIUM);
        assertEquals(expected.size + 8, Integer.parseInt(svg.group(1)));
        Set<String> drawn = new HashSet<>();
        MODULE.matcher(svg.group(3)).results().forEach(r -> drawn.add((Integer.parseInt(r.group(1)) - 4) + "," + (Integer.parseInt(r.group(2)) - 4)));
        Set<String> dark = new HashSet<>();
        for (int y = 0; y < expected.size; y++) {
            for (int x = 0; x < expected.size; x++) {
                if (expected.getModule(x, y)) {
                    dark.add(x + "," + y);
                }
            }
        }
        assertEquals(dark, drawn, "the QR code of " + code);
    }
}

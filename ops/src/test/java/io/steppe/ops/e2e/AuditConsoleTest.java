package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.AuditLog;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The audit log for admins: {@code GET /api/audit} as JSON and CSV, and {@code /console/audit}, filtered. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditConsoleTest {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    InProcessSteppe steppe;
    final Http http = new Http();
    String admin;

    @BeforeAll
    void start(@TempDir Path home) {
        steppe = InProcessSteppe.start(home, Map.of());
        var dsl = steppe.server.database().dsl();
        AuditLog.record(dsl, "naran", "nas.add", "old-gw", Map.of("address", "10.0.0.1/32"));
        dsl.execute("UPDATE audit_log SET at = '2026-01-10 09:00:00+08' WHERE subject = 'old-gw'");
        AuditLog.record(dsl, "naran", "nas.remove", "old-gw, \"quoted\"", Map.of());
        AuditLog.record(dsl, "cli:root", "voucher.create", "5 vouchers", Map.of("minutes", 60, "valid_until", "2026-12-07T02:00:00Z"));
        admin = "Bearer " + http.consoleToken(steppe.api, InProcessSteppe.ADMIN, InProcessSteppe.PASSWORD);
    }

    @AfterAll
    void stop() {
        steppe.close();
    }

    HttpResponse<String> api(String query) {
        return http.get(steppe.api, "/api/audit" + query, "Authorization", admin);
    }

    @Test
    void filtersByActorActionAndTimeInTheCitysZone() {
        String byActor = api("?actor=naran").body();
        assertTrue(byActor.contains("\"subject\":\"old-gw\"") && byActor.contains("nas.remove"), byActor);
        assertFalse(byActor.contains("voucher.create"), byActor);
        String byAction = api("?action=voucher.create").body();
        assertTrue(byAction.contains("\"actor\":\"cli:root\"") && byAction.contains("\"minutes\":60"), byAction);
        assertFalse(byAction.contains("nas."), byAction);
        // 09:00 in Ulanqab is 01:00 UTC: an entry at 09:00 city time is inside [08:30, 09:30) and not in [09:30, …)
        String inWindow = api("?from=2026-01-10%2008:30&to=2026-01-10T09:30").body();
        assertTrue(inWindow.contains("\"subject\":\"old-gw\"") && inWindow.contains("\"at\":\"2026-01-10T09:00:00+08:00\""), inWindow);
        assertFalse(api("?from=2026-01-10%2009:30&to=2026-01-11").body().contains("\"subject\":\"old-gw\""));
        assertTrue(api("?to=2026-01-10T01:30:00Z&actor=naran").body().contains("old-gw"), "an offset is honoured");
    }

    @Test
    void csvIsADownloadThatParsesWithTheSameEntries() throws Exception {
        HttpResponse<String> csv = api("?actor=naran&format=csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").matches("attachment; filename=\"steppe-audit-\\d{8}-\\d{6}\\.csv\""),
                csv.headers().map().toString());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv.body())).getRecords();
        assertEquals(2, rows.size(), csv.body());
        assertEquals("old-gw, \"quoted\"", rows.get(0).get("subject"));
        assertEquals("nas.add", rows.get(1).get("action"));
        assertEquals(OffsetDateTime.parse("2026-01-10T09:00:00+08:00"), OffsetDateTime.parse(rows.get(1).get("at")));
    }

    @Test
    void aBadTimeIsA400NamingTheParameter() {
        HttpResponse<String> bad = api("?from=yesterday");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("'from'"), bad.body());
        HttpResponse<String> badTo = api("?to=2026-13-45");
        assertEquals(400, badTo.statusCode());
        assertTrue(badTo.body().contains("'to'"), badTo.body());
    }

    @Test
    void operatorsAndPlannersMayNotReadIt() {
        for (String user : List.of(InProcessSteppe.OPERATOR, InProcessSteppe.PLANNER)) {
            String bearer = "Bearer " + http.consoleToken(steppe.api, user, InProcessSteppe.PASSWORD);
            assertEquals(403, http.get(steppe.api, "/api/audit", "Authorization", bearer).statusCode());
            assertEquals(403, http.get(steppe.api, "/console/audit", "Cookie", "steppe_session=" + bearer.substring(7)).statusCode());
        }
    }

    @Test
    void thePageShowsEntriesNewestFirstReadablyInChineseAndEnglish() {
        ConsoleSession zh = ConsoleSession.signIn(http, steppe.api, InProcessSteppe.ADMIN, InProcessSteppe.PASSWORD, "zh-CN,zh");
        String page = zh.get("/console/audit?actor=cli:root").body();
        assertTrue(page.contains("<h1>审计日志</h1>") && page.contains("创建上网券"), page);
        assertTrue(page.contains("minutes: 60 · valid_until: 2026-12-07 10:00:00"), "details readable, times in the city's zone: " + page);
        assertTrue(page.contains("href=\"/api/audit?from=&amp;to=&amp;actor=cli%3Aroot&amp;action=&amp;format=csv\""), page);
        String en = ConsoleSession.signIn(http, steppe.api, InProcessSteppe.ADMIN, InProcessSteppe.PASSWORD, "en").get("/console/audit").body();
        assertTrue(en.contains("<h1>Audit log</h1>") && en.contains("vouchers created"), en);
        assertTrue(en.indexOf("vouchers created") < en.indexOf("gateway added"), "newest first");
        assertFalse(ConsoleSession.visibleText(en).contains("audit."), en);
        assertEquals(400, zh.get("/console/audit?from=nonsense").statusCode());
    }
}

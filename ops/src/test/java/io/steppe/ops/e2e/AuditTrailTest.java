package io.steppe.ops.e2e;

import static io.steppe.db.schema.Tables.COVERAGE_GAP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.AuditLog;
import io.steppe.ops.Steppe;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of change lands in the audit log with the person who made it and where from: the console user's address
 * for the console and the API, {@code cli@<host>} for a command; and {@code /api/audit} finds it by actor and action.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {

    InProcessSteppe steppe;
    Map<String, String> env;
    final Http http = new Http();
    String admin;

    @BeforeAll
    void start(@TempDir Path home) {
        env = new HashMap<>(TestEnvironment.of(home));
        steppe = InProcessSteppe.start(home, env);
        admin = "Bearer " + http.consoleToken(steppe.api, InProcessSteppe.ADMIN, InProcessSteppe.PASSWORD);
    }

    @AfterAll
    void stop() {
        steppe.close();
    }

    void steppe(String... args) {
        StringWriter err = new StringWriter();
        int status = Steppe.run(args, env, new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, status, String.join(" ", args) + ": " + err);
    }

    /** The newest entry for {@code action}. */
    AuditLog.AuditEntry newest(String action) {
        return AuditLog.recent(steppe.server.database().dsl(), 200).stream().filter(e -> e.action().equals(action)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " in the audit log"));
    }

    static void assertByCommand(AuditLog.AuditEntry entry) {
        assertTrue(entry.actor().startsWith("cli:") && !entry.actor().equals("cli:"), entry.toString());
        assertTrue(entry.source() != null && entry.source().startsWith("cli@"), entry.toString());
    }

    void assertByPerson(AuditLog.AuditEntry entry, String person) {
        assertEquals(person, entry.actor(), entry.toString());
        assertEquals("127.0.0.1", entry.source(), entry.toString());
    }

    @Test
    void gatewaysAccountsAndVouchersChangedByCommandNameTheHostUser() {
        steppe("nas", "add", "--name", "audit-gw", "--ip", "10.9.0.1", "--secret", "audit-gateway-secret");
        assertByCommand(newest("nas.add"));
        steppe("nas", "remove", "audit-gw");
        assertByCommand(newest("nas.remove"));
        steppe("user", "add", "--name", "saran", "--role", "operator", "--password", "saran-password-1");
        assertByCommand(newest("user.add"));
        steppe("voucher", "create", "--count", "2", "--minutes", "30");
        assertByCommand(newest("voucher.create"));
    }

    @Test
    void apsChangedThroughTheApiNameThePersonAndWhatChanged() {
        HttpResponse<String> added = http.post(steppe.api, "/api/aps", "application/json",
                "{\"id\":\"audit-ap-1\",\"mac\":\"02:00:5e:77:00:01\",\"name\":\"Square 1\"}", "Authorization", admin);
        assertEquals(201, added.statusCode(), added.body());
        assertByPerson(newest("ap.add"), InProcessSteppe.ADMIN);
        HttpResponse<String> renamed = http.post(steppe.api, "/api/aps/import", "text/csv",
                "id,mac,name\naudit-ap-1,02:00:5e:77:00:01,Square 1 (north)\n", "Authorization", admin);
        assertEquals(200, renamed.statusCode(), renamed.body());
        AuditLog.AuditEntry update = newest("ap.update");
        assertByPerson(update, InProcessSteppe.ADMIN);
        assertTrue(update.detailsJson().contains("Square 1 (north)"), "what changed: " + update.detailsJson());

        HttpResponse<String> found = http.get(steppe.api, "/api/audit?actor=" + InProcessSteppe.ADMIN + "&action=ap.update", "Authorization", admin);
        assertEquals(200, found.statusCode(), found.body());
        assertTrue(found.body().contains("\"source\":\"127.0.0.1\"") && found.body().contains("\"subject\":\"audit-ap-1\""), found.body());
        assertTrue(!found.body().contains("ap.add"), "the action filter leaves the others out: " + found.body());
    }

    @Test
    void aGapsStatusChangedByAPlannerSaysFromWhatToWhat() {
        long id = steppe.server.database().dsl().insertInto(COVERAGE_GAP).set(COVERAGE_GAP.OPERATOR, "46000")
                .set(COVERAGE_GAP.SEVERITY, "none").set(COVERAGE_GAP.CELLS, 1).set(COVERAGE_GAP.AREA_KM2, 0.7).set(COVERAGE_GAP.SAMPLES, 12L)
                .set(COVERAGE_GAP.OBSERVATIONS, 12).set(COVERAGE_GAP.PRIORITY, 1.0)
                .set(COVERAGE_GAP.GEOMETRY, "{\"type\":\"Polygon\",\"coordinates\":[[[113.1,41.0],[113.11,41.0],[113.11,41.01],[113.1,41.0]]]}")
                .set(COVERAGE_GAP.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC)).returning(COVERAGE_GAP.ID).fetchOne().getId();
        String planner = "Bearer " + http.consoleToken(steppe.api, InProcessSteppe.PLANNER, InProcessSteppe.PASSWORD);
        HttpResponse<String> marked = http.post(steppe.api, "/api/coverage/gaps/" + id + "/status", "application/json",
                "{\"status\":\"planned\",\"note\":\"mast in 2027\"}", "Authorization", planner);
        assertEquals(200, marked.statusCode(), marked.body());
        AuditLog.AuditEntry entry = newest("gap.mark");
        assertByPerson(entry, InProcessSteppe.PLANNER);
        String details = entry.detailsJson().replace(" ", "");
        assertTrue(details.contains("\"from\":\"new\"") && details.contains("\"status\":\"planned\""), details);
    }

    @Test
    void vouchersAndAccountsChangedOnTheConsoleNameThePersonAndTheirAddress() {
        ConsoleSession session = ConsoleSession.signIn(http, steppe.api, InProcessSteppe.ADMIN, InProcessSteppe.PASSWORD, "en");
        String page = session.get("/console/vouchers").body();
        Matcher batch = Pattern.compile("name=\"batch\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(batch.find(), page);
        HttpResponse<String> sheet = session.post("/console/vouchers", page, Map.of("batch", batch.group(1), "count", "1",
                "minutes", "60", "valid_days", "2", "devices", "1"));
        assertEquals(200, sheet.statusCode(), sheet.body());
        assertByPerson(newest("voucher.create"), InProcessSteppe.ADMIN);

        String accounts = session.get("/console/accounts").body();
        HttpResponse<String> added = session.post("/console/accounts", accounts, Map.of("username", "tuya", "role", "planner", "password", ""));
        assertTrue(added.statusCode() < 400, added.body());
        AuditLog.AuditEntry entry = newest("user.add");
        assertByPerson(entry, InProcessSteppe.ADMIN);
        assertEquals("tuya", entry.subject());
        assertTrue(entry.detailsJson().contains("planner"), entry.detailsJson());
    }
}

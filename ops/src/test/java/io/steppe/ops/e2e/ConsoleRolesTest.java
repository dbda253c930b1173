package io.steppe.ops.e2e;

import static io.steppe.db.schema.Tables.RADIUS_SESSION_OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.AuditLog;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.postgres.extensions.types.Inet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A planner's or an operator's login trying what its role is not for, and the audit log naming who did what. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleRolesTest {

    private static final String CLIENT_MAC = "3c:a6:f6:12:34:56";
    private static final String AP_JSON = "{\"id\":\"%s\",\"mac\":\"02:00:5e:10:00:%s\",\"name\":\"Test AP\",\"mgmtIp\":\"127.0.0.1\"}";

    InProcessSteppe steppe;
    final Http http = new Http();

    @BeforeAll
    void start(@TempDir Path home) throws Exception {
        steppe = InProcessSteppe.start(home, Map.of());
        OffsetDateTime now = OffsetDateTime.now();
        steppe.server.database().dsl().insertInto(RADIUS_SESSION_OPEN)
                .set(RADIUS_SESSION_OPEN.UNIQUE_ID, "s-1").set(RADIUS_SESSION_OPEN.SESSION_ID, "1")
                .set(RADIUS_SESSION_OPEN.NAS_ADDRESS, Inet.valueOf(InetAddress.getLoopbackAddress()))
                .set(RADIUS_SESSION_OPEN.USERNAME, CLIENT_MAC).set(RADIUS_SESSION_OPEN.CLIENT_MAC, CLIENT_MAC)
                .set(RADIUS_SESSION_OPEN.STARTED_AT, now).set(RADIUS_SESSION_OPEN.UPDATED_AT, now).execute();
    }

    @AfterAll
    void stop() {
        steppe.close();
    }

    private String bearer(String user) {
        return "Bearer " + http.consoleToken(steppe.api, user, InProcessSteppe.PASSWORD);
    }

    @Test
    void aPlannerCannotRegisterOrOverwriteAps() {
        String planner = bearer(InProcessSteppe.PLANNER);
        HttpResponse<String> add = http.post(steppe.api, "/api/aps", "application/json", AP_JSON.formatted("evil-01", "01"),
                "Authorization", planner);
        assertEquals(403, add.statusCode(), add.body());
        HttpResponse<String> imported = http.post(steppe.api, "/api/aps/import", "text/csv",
                "id,mac,name,mgmt_ip\nevil-02,02:00:5e:10:00:02,Evil,10.0.0.1\n", "Authorization", planner);
        assertEquals(403, imported.statusCode(), imported.body());
        assertEquals(403, http.get(steppe.api, "/api/sessions", "Authorization", planner).statusCode());
        assertEquals(403, http.get(steppe.api, "/console/aps", "Authorization", planner).statusCode());
        assertEquals(403, http.get(steppe.api, "/console/nodes", "Authorization", planner).statusCode());
        assertEquals(403, http.get(steppe.api, "/api/coverage/gaps", "Authorization", bearer(InProcessSteppe.OPERATOR)).statusCode());
        assertTrue(steppe.server.controller().aps().find("evil-01").isEmpty());
    }

    @Test
    void theAuditLogNamesThePersonWhoRegisteredAnAp() {
        HttpResponse<String> add = http.post(steppe.api, "/api/aps", "application/json", AP_JSON.formatted("jn-ok-01", "03"),
                "Authorization", bearer(InProcessSteppe.OPERATOR));
        assertEquals(201, add.statusCode(), add.body());
        HttpResponse<String> imported = http.post(steppe.api, "/api/aps/import", "text/csv",
                "id,mac,name\njn-ok-02,02:00:5e:10:00:04,Second\n", "Authorization", bearer(InProcessSteppe.ADMIN));
        assertEquals(200, imported.statusCode(), imported.body());
        List<AuditLog.AuditEntry> audit = AuditLog.recent(steppe.server.database().dsl(), 100);
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("ap.add") && e.subject().equals("jn-ok-01")
                && e.actor().equals(InProcessSteppe.OPERATOR)), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("ap.add") && e.subject().equals("jn-ok-02")
                && e.actor().equals(InProcessSteppe.ADMIN)), audit.toString());
        assertFalse(audit.stream().anyMatch(e -> e.actor().equals("api")), audit.toString());
    }

    @Test
    void anOperatorSeesNoClientMacInFullAndAnAdminDoes() {
        HttpResponse<String> operator = http.get(steppe.api, "/api/sessions", "Authorization", bearer(InProcessSteppe.OPERATOR));
        assertEquals(200, operator.statusCode(), operator.body());
        assertFalse(operator.body().toLowerCase().contains(CLIENT_MAC), operator.body());
        assertFalse(operator.body().toLowerCase().contains("12:34:56"), operator.body());
        assertTrue(operator.body().contains("3c:a6:f6:**:**:**"), operator.body());
        HttpResponse<String> admin = http.get(steppe.api, "/api/sessions", "Authorization", bearer(InProcessSteppe.ADMIN));
        assertTrue(admin.body().contains(CLIENT_MAC), admin.body());
    }
}

package io.steppe.controller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.AuditLog;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts page: open alerts and history in both languages, live, and acknowledging one with a note. */
class AlertConsoleControllerTest {

    @TempDir
    Path home;

    @Test
    void anOpenAlertIsListedAcknowledgedWithANoteAndThenInTheHistory() {
        try (ControllerHarness h = new ControllerHarness(home, HealthAndAlertsTest.settings(Duration.ZERO))) {
            String token = h.register("jn-01", 1, Optional.empty());
            h.heartbeat(token, "{\"interval_s\": 5}");
            h.evaluate();
            h.advance(Duration.ofSeconds(16));
            h.evaluate();

            String page = h.get("/console/alerts").body();
            assertTrue(page.contains("<div id=\"alerts-live\" data-live=\"/console/alerts?page=1&amp;part=live\" data-every=\"5\">"), page);
            assertTrue(page.contains("<span class=\"badge DOWN\">Down</span> <a href=\"/console/alerts/1\">AP AP jn-01 (jn-01) Down: no heartbeat since "
                    + "2026-05-01 16:00:00 (3 intervals of 5 s missed)</a>"), page);
            String zh = h.get("/console/alerts?part=live", "zh-CN,zh").body();
            assertTrue(zh.startsWith("<section><h2>未关闭</h2>") && zh.contains("AP AP jn-01 (jn-01) 离线：自 2026-05-01 16:00:00 起无心跳"), zh);

            assertEquals(403, h.post("/console/alerts/1/acknowledge", "application/x-www-form-urlencoded", "note=x&csrf=forged").statusCode(),
                    "a form that did not come from the session changes nothing");
            HttpResponse<String> ack = h.post("/api/alerts/1/acknowledge", "application/json", "{\"note\":\"van <sent> to the square\"}");
            assertEquals(200, ack.statusCode(), ack.body());
            assertTrue(ack.body().contains("\"acknowledgedBy\":\"test-operator\",\"acknowledgedAt\":\"2026-05-01T08:00:16Z\","
                    + "\"acknowledgedNote\":\"van <sent> to the square\""), ack.body());
            AuditLog.AuditEntry audit = AuditLog.recent(h.db.dsl(), 1).get(0);
            assertEquals("test-operator alert.acknowledge 1", audit.actor() + " " + audit.action() + " " + audit.subject());

            String one = h.get("/console/alerts/1").body();
            assertTrue(one.contains("<td id=\"acknowledged\">acknowledged by test-operator at 2026-05-01 16:00:16 (just now)</td>")
                    && one.contains("<td id=\"note\">van &lt;sent&gt; to the square</td>"), one);
            assertTrue(one.contains("<form method=\"post\" action=\"/console/alerts/1/acknowledge\">"), "still open: " + one);

            h.heartbeat(token, "{\"interval_s\": 5}");
            h.evaluate();
            h.advance(Duration.ofSeconds(21));
            h.heartbeat(token, "{\"interval_s\": 5}");
            h.evaluate();
            String live = h.get("/console/alerts?part=live").body();
            assertTrue(live.contains("<ul id=\"open-alerts\" class=\"alerts\">\n<li class=\"muted\">none</li>"), live);
            assertTrue(live.contains("resolved 2026-05-01 16:00:37 (just now)"), live);
            assertEquals(400, h.post("/api/alerts/1/acknowledge", "application/json", "{\"note\":\"late\"}").statusCode(), "resolved");
            assertEquals(404, h.get("/console/alerts/99").statusCode());
            assertEquals(404, h.post("/api/alerts/99/acknowledge", "application/json", "{}").statusCode());
        }
    }
}

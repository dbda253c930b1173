package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.AuditLog;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** An admin managing console accounts on {@code /console/accounts}, and what the accounts can then do. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountConsoleTest {

    InProcessSteppe steppe;
    final Http http = new Http();

    @BeforeAll
    void start(@TempDir Path home) {
        steppe = InProcessSteppe.start(home, Map.of());
    }

    @AfterAll
    void stop() {
        steppe.close();
    }

    ConsoleSession admin(String language) {
        return ConsoleSession.signIn(http, steppe.api, InProcessSteppe.ADMIN, InProcessSteppe.PASSWORD, language);
    }

    @Test
    void anAdminAddsAnOperatorWhoSignsInCannotManageAccountsAndIsThenMadeAPlanner() {
        ConsoleSession admin = admin("en");
        String page = admin.get("/console/accounts").body();
        HttpResponse<String> added = admin.post("/console/accounts", page, Map.of("username", "bayar", "role", "operator", "password", ""));
        assertEquals(200, added.statusCode(), added.body());
        assertEquals("no-store", added.headers().firstValue("Cache-Control").orElse(""));
        Matcher shown = Pattern.compile("shown only now: ([a-z2-9]{14})").matcher(added.body());
        assertTrue(shown.find(), added.body());
        String password = shown.group(1);

        ConsoleSession bayar = ConsoleSession.signIn(http, steppe.api, "bayar", password, "en");
        assertEquals(200, bayar.get("/console/vouchers").statusCode(), "an operator may manage vouchers");
        HttpResponse<String> refused = bayar.get("/console/accounts");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("An account with the role operator may not open this page."), refused.body());
        assertFalse(refused.body().contains("Exception") || refused.body().contains("at io."), refused.body());
        assertEquals(403, bayar.get("/console/audit").statusCode());

        String list = admin.get("/console/accounts").body();
        assertTrue(list.contains("data-account=\"bayar\""), list);
        HttpResponse<String> role = admin.post("/console/accounts/role", list, Map.of("username", "bayar", "role", "planner"));
        assertEquals(303, role.statusCode(), role.body());
        assertTrue(admin.get("/console/accounts?done=role").body().contains("The role was changed."));
        assertEquals(403, bayar.get("/console/vouchers").statusCode(), "a planner may not");

        HttpResponse<String> reset = admin.post("/console/accounts/password", list, Map.of("username", "bayar"));
        assertEquals(200, reset.statusCode());
        assertTrue(bayar.get("/console/").statusCode() == 303, "the old session ended with the old password");

        List<AuditLog.AuditEntry> audit = AuditLog.recent(steppe.server.database().dsl(), 20);
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("user.add") && e.actor().equals(InProcessSteppe.ADMIN) && e.subject().equals("bayar")));
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("user.role") && e.detailsJson().contains("planner")));
        assertTrue(audit.stream().anyMatch(e -> e.action().equals("user.password") && e.subject().equals("bayar")));
        assertTrue(audit.stream().noneMatch(e -> e.detailsJson().contains(password)), "no password in the audit log");

        HttpResponse<String> removed = admin.post("/console/accounts/remove", list, Map.of("username", "bayar"));
        assertEquals("/console/accounts?done=removed", removed.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void theOnlyAdminCannotDemoteOrRemoveThemselvesAndATypedPasswordMustBeLongEnough() {
        ConsoleSession admin = admin("zh-CN,zh");
        String page = admin.get("/console/accounts").body();
        assertTrue(page.contains("<h1>控制台账户与角色</h1>") && page.contains("管理员"), page);
        HttpResponse<String> demote = admin.post("/console/accounts/role", page, Map.of("username", InProcessSteppe.ADMIN, "role", "operator"));
        assertEquals(400, demote.statusCode());
        assertTrue(demote.body().contains("您不能取消自己的管理员角色"), demote.body());
        HttpResponse<String> remove = admin.post("/console/accounts/remove", page, Map.of("username", InProcessSteppe.ADMIN));
        assertEquals(400, remove.statusCode());
        HttpResponse<String> shortPassword = admin.post("/console/accounts", page, Map.of("username", "tuya", "role", "planner", "password", "short"));
        assertEquals(400, shortPassword.statusCode());
        assertTrue(shortPassword.body().contains("密码至少需要 10 个字符"), shortPassword.body());
        HttpResponse<String> typed = admin.post("/console/accounts", page, Map.of("username", "tuya", "role", "planner", "password", "a-long-enough-password"));
        assertEquals("/console/accounts?done=added", typed.headers().firstValue("Location").orElseThrow());
        assertEquals(200, ConsoleSession.signIn(http, steppe.api, "tuya", "a-long-enough-password", "en").get("/console/").statusCode());
        String text = ConsoleSession.visibleText(admin.get("/console/accounts").body());
        for (String raw : List.of("ADMIN", "PLANNER", "OPERATOR", "accounts.", "Role.")) {
            assertFalse(text.contains(raw), raw + " in " + text);
        }
        assertTrue(text.contains("规划"), text);
    }
}

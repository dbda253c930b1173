package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.ops.SteppeConfig;
import io.steppe.web.account.AccountRepository;
import io.steppe.web.account.PasswordHasher;
import io.steppe.web.account.Role;
import io.steppe.ops.server.SteppeServer;
import io.steppe.portal.uam.UamChecksum;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev SMS outbox (STEPPE_SMS=outbox, as the demo runs): on main anyone who reached 8081 read the code for any
 * number without a login and logged in as that person.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmsOutboxTest {

    static final String PASSWORD = "outbox-test-password";
    static final String UAM_SECRET = "outbox-uam-secret";

    SteppeServer server;
    int portal;
    int api;
    final Http http = new Http();

    @BeforeAll
    void start(@TempDir Path home) {
        server = SteppeServer.start(SteppeConfig.load(TestEnvironment.of(home, "STEPPE_SMS", "outbox")), Clock.systemUTC());
        portal = server.listeners().portalPort();
        api = server.listeners().apiPort();
        AccountRepository accounts = new AccountRepository(server.database().dsl(), new PasswordHasher(4, new SecureRandom()));
        accounts.add("ada", Role.ADMIN, PASSWORD.toCharArray(), "test");
        accounts.add("pia", Role.PLANNER, PASSWORD.toCharArray(), "test");
        accounts.add("olga", Role.OPERATOR, PASSWORD.toCharArray(), "test");
        TestGateways.add(server, "outbox-gw", "127.0.0.1", "outbox-radius-secret", Optional.of(UAM_SECRET));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** A victim asks for a code on the portal. */
    void victimAsksForACode() {
        byte[] challenge = new byte[16];
        new SecureRandom().nextBytes(challenge);
        String url = "http://127.0.0.1:" + portal + "/?res=notyet&uamip=10.1.0.1&uamport=3990&challenge=" + HexFormat.of().formatHex(challenge)
                + "&mac=AA-BB-CC-00-00-42&nasid=outbox-gw";
        HttpResponse<String> page = http.get(portal, url.substring(url.indexOf("/?")) + "&md=" + UamChecksum.compute(url, UAM_SECRET));
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> fields = PortalLoginTest.hiddenFields(page.body());
        fields.put("terms", "yes");
        fields.put("phone", "+976 9911 4242");
        assertEquals(200, http.post(portal, "/login/sms/request", "application/x-www-form-urlencoded", PortalLoginTest.form(fields)).statusCode());
    }

    @Test
    void onlyAnAdminReadsTheOutboxAndOnlyOnTheApiListener() {
        victimAsksForACode();
        assertEquals(401, http.get(api, "/api/dev/sms-outbox").statusCode(), "no login");
        assertEquals(403, http.get(api, "/api/dev/sms-outbox", "Authorization", "Bearer " + http.consoleToken(api, "pia", PASSWORD)).statusCode(),
                "a planner");
        assertEquals(403, http.get(api, "/api/dev/sms-outbox", "Authorization", "Bearer " + http.consoleToken(api, "olga", PASSWORD)).statusCode(),
                "an operator");
        assertEquals(404, http.get(portal, "/api/dev/sms-outbox").statusCode(), "never on the portal listener");
        HttpResponse<String> admin = http.get(api, "/api/dev/sms-outbox", "Authorization", "Bearer " + http.consoleToken(api, "ada", PASSWORD));
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains("\"to\":\"+976******42\""), admin.body());
    }
}

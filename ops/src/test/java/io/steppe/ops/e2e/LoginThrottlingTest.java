package io.steppe.ops.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.AuditLog;
import io.steppe.db.MutableClock;
import io.steppe.web.account.LoginAttempt;
import io.steppe.web.account.LoginThrottle;
import io.steppe.web.account.ThrottlePolicy;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A guesser trying passwords on the console's two logins: throttled after five, audited, never the password logged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottlingTest {

    final MutableClock clock = new MutableClock(Instant.now());
    InProcessSteppe steppe;
    final Http http = new Http();

    @BeforeAll
    void start(@TempDir Path home) {
        steppe = InProcessSteppe.start(home, Map.of(), clock);
    }

    /** Each test guesses from the same loopback address: a fresh hour forgets the other's failures. */
    @BeforeEach
    void forgetEarlierFailures() {
        clock.advance(Duration.ofHours(2));
    }

    @AfterAll
    void stop() {
        steppe.close();
    }

    @Test
    void wrongPasswordsOnTheApiThenTheRightOneIsTooManyAndAudited() {
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> wrong = http.post(steppe.api, "/api/login", "application/json",
                    "{\"username\":\"olga\",\"password\":\"guess-number-" + i + "\"}");
            assertTrue(wrong.statusCode() == 401 || wrong.statusCode() == 429, wrong.statusCode() + " " + wrong.body());
        }
        HttpResponse<String> right = http.post(steppe.api, "/api/login", "application/json",
                "{\"username\":\"olga\",\"password\":\"" + InProcessSteppe.PASSWORD + "\"}");
        assertEquals(429, right.statusCode(), right.body());
        long retryAfter = Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 900, "Retry-After " + retryAfter);
        assertFalse(right.body().contains("token"), right.body());

        List<AuditLog.AuditEntry> audit = AuditLog.recent(steppe.server.database().dsl(), 100);
        List<AuditLog.AuditEntry> refused = audit.stream().filter(e -> e.action().equals("session.refused") && e.subject().equals("olga")).toList();
        assertEquals(5, refused.size(), "five checked and refused, the sixth throttled unchecked: " + audit);
        assertTrue(refused.get(0).actor().startsWith("ip:127.0.0.1") && refused.get(0).detailsJson().contains("127.0.0.1"), refused.toString());
        assertTrue(audit.stream().noneMatch(e -> e.detailsJson().contains("guess-number")), "no password in the audit log");

        // another node on the same database counts the same failures
        LoginThrottle otherNode = new LoginThrottle(steppe.server.database().dsl(), clock, ThrottlePolicy.standard());
        assertTrue(otherNode.delay(LoginAttempt.of("olga", InetAddress.getLoopbackAddress())).isPresent());
    }

    @Test
    void theConsoleFormIsThrottledByAddressAcrossAccounts() {
        for (int i = 0; i < 6; i++) {
            http.post(steppe.api, "/console/login", "application/x-www-form-urlencoded", "username=nobody-" + i + "&password=wrong-" + i);
        }
        HttpResponse<String> right = http.post(steppe.api, "/console/login", "application/x-www-form-urlencoded",
                "username=pema&password=" + InProcessSteppe.PASSWORD);
        assertEquals(429, right.statusCode(), right.body());
        assertTrue(right.headers().firstValue("Retry-After").isPresent());
        assertTrue(right.headers().firstValue("Set-Cookie").isEmpty(), "no session while throttled");
        assertTrue(right.body().contains("<form"), "the login form again, with the reason");
    }
}

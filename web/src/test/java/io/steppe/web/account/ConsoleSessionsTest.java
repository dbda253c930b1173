package io.steppe.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.AuditLog;
import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSessionsTest {

    @TempDir
    Path home;
    Database db;
    AccountRepository accounts;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    ConsoleSessions sessions;

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
        accounts = new AccountRepository(db.dsl(), new PasswordHasher(4, new SecureRandom()));
        sessions = new ConsoleSessions(db.dsl(), clock, Duration.ofHours(12), new SecureRandom());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void tokenOpensTheAccountUntilItExpires() {
        Account alice = accounts.add("alice", Role.PLANNER, "long-enough-pw".toCharArray(), "cli:test");
        String token = sessions.open(alice);
        assertEquals("alice", sessions.account(token).orElseThrow().username());
        clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertTrue(sessions.account(token).isEmpty(), "expired after 12 h");
    }

    @Test
    void closedOrUnknownTokensOpenNothing() {
        Account alice = accounts.add("alice", Role.ADMIN, "long-enough-pw".toCharArray(), "cli:test");
        String token = sessions.open(alice);
        assertNotEquals(token, sessions.open(alice), "each login has its own token");
        sessions.close(token);
        assertTrue(sessions.account(token).isEmpty());
        assertTrue(sessions.account("").isEmpty());
        assertTrue(sessions.account(null).isEmpty());
    }

    @Test
    void removingAnAccountEndsItsSessions() {
        Account alice = accounts.add("alice", Role.OPERATOR, "long-enough-pw".toCharArray(), "cli:test");
        String token = sessions.open(alice);
        assertTrue(accounts.remove("alice", "cli:test"));
        assertTrue(sessions.account(token).isEmpty());
    }

    @Test
    void passwordsAreCheckedAgainstSlowHashesAndChangesAreAudited() {
        accounts.add("alice", Role.OPERATOR, "long-enough-pw".toCharArray(), "cli:root");
        assertTrue(accounts.authenticate("alice", "long-enough-pw".toCharArray()).isPresent());
        assertFalse(accounts.authenticate("alice", "wrong-password".toCharArray()).isPresent());
        assertFalse(accounts.authenticate("bob", "long-enough-pw".toCharArray()).isPresent());
        AuditLog.AuditEntry entry = AuditLog.recent(db.dsl(), 1).get(0);
        assertEquals("user.add", entry.action());
        assertEquals("cli:root", entry.actor());
        assertFalse(entry.detailsJson().contains("long-enough-pw"));
    }

    @Test
    void storedHashIsBcrypt() {
        PasswordHasher hasher = new PasswordHasher(4, new SecureRandom());
        String hash = hasher.hash("long-enough-pw".toCharArray());
        assertTrue(hash.startsWith("$2y$04$"), hash);
        assertTrue(hasher.matches("long-enough-pw".toCharArray(), hash));
        assertFalse(hasher.matches("long-enough-pX".toCharArray(), hash));
    }
}

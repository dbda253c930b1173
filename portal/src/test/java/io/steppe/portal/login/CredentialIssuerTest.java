package io.steppe.portal.login;

import static io.steppe.db.schema.Tables.LOGIN_CREDENTIAL;
import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.TestKeys;
import io.steppe.db.net.MacAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialIssuerTest {

    static final MacAddress PHONE_MAC = MacAddress.parse("aa:bb:cc:00:00:01");

    /** One database for both tests: each counts only its own subscriber's credentials. */
    @TempDir
    static Path home;
    static Database db;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T02:00:00Z"));
    final CredentialIssuer issuer = new CredentialIssuer(db.dsl(), TestKeys.fixed(), clock, new SecureRandom());
    final long subscriber = db.dsl().insertInto(SUBSCRIBER).set(SUBSCRIBER.KIND, "phone").returning(SUBSCRIBER.ID).fetchOne().getId();

    @BeforeAll
    static void open() {
        db = TestDatabases.freshMigrated(home);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    int kept() {
        return db.dsl().fetchCount(LOGIN_CREDENTIAL, LOGIN_CREDENTIAL.SUBSCRIBER_ID.eq(subscriber));
    }

    @Test
    void aCredentialIsForOneDeviceForTwoMinutesAndNeverShownInFull() {
        LoginCredential credential = issuer.issue(subscriber, PHONE_MAC);
        var stored = db.dsl().selectFrom(LOGIN_CREDENTIAL).where(LOGIN_CREDENTIAL.USERNAME.eq(credential.username())).fetchOne();
        assertEquals(PHONE_MAC.toString(), stored.getClientMac());
        assertEquals(OffsetDateTime.now(clock).plus(CredentialIssuer.LIFETIME).toInstant(), stored.getExpiresAt().toInstant());
        assertFalse(credential.toString().contains(credential.password()));
        assertFalse(stored.intoList().stream().anyMatch(v -> String.valueOf(v).contains(credential.password())),
                "the database holds no password: a copy of it logs nobody in");
        assertEquals(TestKeys.fixed().credentialPassword(credential.username()), credential.password(),
                "whoever holds the key, the RADIUS server, derives it");
        assertNotEquals(credential.username(), issuer.issue(subscriber, PHONE_MAC).username(), "a new one for each login");
    }

    @Test
    void credentialsExpiredForAnHourAreSweptByLaterLogins() {
        LoginCredential old = issuer.issue(subscriber, PHONE_MAC);
        clock.advance(CredentialIssuer.LIFETIME.plus(Duration.ofMinutes(59)));
        LoginCredential recent = issuer.issue(subscriber, PHONE_MAC);
        assertEquals(2, kept(), "not yet an hour past its expiry");
        clock.advance(Duration.ofMinutes(2));
        issuer.issue(subscriber, PHONE_MAC);
        assertFalse(db.dsl().fetchExists(LOGIN_CREDENTIAL, LOGIN_CREDENTIAL.USERNAME.eq(old.username())));
        assertEquals(2, kept(), recent + " and the newest are kept");
    }
}

package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.SUBSCRIBER;
import static io.steppe.db.schema.Tables.VOUCHER;
import static io.steppe.db.schema.Tables.VOUCHER_DEVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.AuditLog;
import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import io.steppe.db.keys.TestKeys;
import io.steppe.db.net.MacAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoucherIssuerTest {

    @TempDir
    Path home;

    @Test
    void aBatchOfVouchersIsStoredWithDistinctReadableCodesAndOneAuditEntry() {
        try (Database db = TestDatabases.freshMigrated(home)) {
            VoucherIssuer issuer = new VoucherIssuer(db.dsl(), TestKeys.fixed(), Clock.systemUTC(), new SecureRandom());
            List<String> codes = issuer.issue(5000, 60, Duration.ofDays(30), 2, "cli:desk");
            assertEquals(5000, new HashSet<>(codes).size());
            assertEquals(5000, db.dsl().fetchCount(VOUCHER));
            assertTrue(codes.stream().allMatch(VoucherIssuer::looksLikeCode));
            assertTrue(codes.stream().noneMatch(c -> {
                try {
                    MacAddress.parse(c);
                    return true;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }), "no code can be mistaken for a MAC in MAC authentication");
            assertEquals("voucher.create", AuditLog.recent(db.dsl(), 1).get(0).action());
            String stored = db.dsl().selectFrom(VOUCHER).limit(100).fetch().formatCSV();
            assertTrue(codes.stream().noneMatch(stored::contains), "the database keeps no code a copy of it could use");
            assertFalse(VoucherIssuer.looksLikeCode("aa:bb:cc:dd:ee:ff"));
            assertThrows(IllegalArgumentException.class, () -> issuer.issue(10_001, 60, Duration.ofDays(1), 1, "x"));
        }
    }

    @Test
    void codesKeptInClearByAnEarlierVersionAreHashedAndStillWork() {
        try (Database db = TestDatabases.freshMigrated(home)) {
            long subscriber = db.dsl().insertInto(SUBSCRIBER).set(SUBSCRIBER.KIND, "voucher").returning(SUBSCRIBER.ID).fetchOne().getId();
            db.dsl().insertInto(VOUCHER).set(VOUCHER.CODE_HASH, "QFX4KTNWA7").set(VOUCHER.SUBSCRIBER_ID, subscriber)
                    .set(VOUCHER.MINUTES, 60).set(VOUCHER.VALID_UNTIL, OffsetDateTime.now().plusDays(1)).execute();
            db.dsl().insertInto(VOUCHER_DEVICE).set(VOUCHER_DEVICE.CODE_HASH, "QFX4KTNWA7").set(VOUCHER_DEVICE.MAC, "aa:bb:cc:00:00:01").execute();
            VoucherIssuer issuer = new VoucherIssuer(db.dsl(), TestKeys.fixed(), Clock.systemUTC(), new SecureRandom());
            assertEquals(1, issuer.hashClearCodes());
            assertEquals(0, issuer.hashClearCodes());
            String hash = TestKeys.fixed().voucherHash("QFX4KTNWA7");
            assertEquals(subscriber, db.dsl().fetchOne(VOUCHER, VOUCHER.CODE_HASH.eq(hash)).getSubscriberId());
            assertEquals(1, db.dsl().fetchCount(VOUCHER_DEVICE, VOUCHER_DEVICE.CODE_HASH.eq(hash)), "its devices follow it");
        }
    }
}

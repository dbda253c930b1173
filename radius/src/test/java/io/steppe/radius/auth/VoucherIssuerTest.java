package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.VOUCHER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.AuditLog;
import io.steppe.db.Database;
import io.steppe.db.TestDatabases;
import io.steppe.db.net.MacAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
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
            VoucherIssuer issuer = new VoucherIssuer(db.dsl(), Clock.systemUTC(), new SecureRandom());
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
            assertFalse(VoucherIssuer.looksLikeCode("aa:bb:cc:dd:ee:ff"));
            assertThrows(IllegalArgumentException.class, () -> issuer.issue(10_001, 60, Duration.ofDays(1), 1, "x"));
        }
    }
}

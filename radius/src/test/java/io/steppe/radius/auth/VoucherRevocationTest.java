package io.steppe.radius.auth;

import static io.steppe.radius.auth.HotspotFixture.PHONE;
import static io.steppe.radius.auth.HotspotFixture.TABLET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.db.AuditLog;
import io.steppe.radius.packet.AuthDecision;
import io.steppe.radius.packet.RejectReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revoked vouchers against a real database: refused from memory and database alike, and their open sessions ended. */
class VoucherRevocationTest {

    @TempDir
    Path home;
    HotspotFixture f;
    HotspotPolicy policy;
    VoucherRevocation revocation;

    @BeforeEach
    void open() {
        f = new HotspotFixture(home);
        policy = f.node(f.cache());
        revocation = new VoucherRevocation(f.db.dsl(), f.keys, f.clock, policy);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aVoucherLetInBeforeIsRefusedOnceRevokedAndItsOpenSessionIsToBeEnded() {
        String code = f.voucher(90, Duration.ofDays(2), 1);
        long subscriber = assertInstanceOf(AuthDecision.Accept.class, policy.decide(f.attempt(code, code, PHONE))).subscriberId();
        assertTrue(policy.decideFromMemory(f.attempt(code, code, PHONE)).isPresent(), "memory knows it now");
        f.openSession(subscriber, "open-1", PHONE);

        assertEquals(1, revocation.code(code.toLowerCase(), "olga"));
        assertEquals(0, revocation.code(code, "olga"), "once");
        AuthDecision.Reject fromMemory = assertInstanceOf(AuthDecision.Reject.class,
                policy.decideFromMemory(f.attempt(code, code, PHONE)).orElseGet(() -> policy.decide(f.attempt(code, code, PHONE))));
        assertEquals(RejectReason.VOUCHER_REVOKED, fromMemory.reason());
        assertEquals(RejectReason.VOUCHER_REVOKED, assertInstanceOf(AuthDecision.Reject.class, policy.decide(f.attempt(code, code, TABLET))).reason());
        assertEquals(List.of("open-1"), policy.sessionsWithNothingLeft(), "quota enforcement ends what it had open");
        AuditLog.AuditEntry entry = AuditLog.recent(f.db.dsl(), 1).get(0);
        assertEquals("voucher.revoke", entry.action());
        assertEquals(code.substring(0, 2) + "••••••••", entry.subject());
    }

    @Test
    void aBatchIsRevokedTogetherAndOtherVouchersStayInForce() {
        UUID batch = UUID.randomUUID();
        List<String> codes = f.vouchers.issueBatch(batch, 2, 60, Duration.ofDays(1), 1, "olga");
        String other = f.voucher(60, Duration.ofDays(1), 1);
        assertEquals(2, revocation.batch(batch, "olga"));
        for (String code : codes) {
            assertEquals(RejectReason.VOUCHER_REVOKED, assertInstanceOf(AuthDecision.Reject.class, policy.decide(f.attempt(code, code, PHONE))).reason());
        }
        assertInstanceOf(AuthDecision.Accept.class, policy.decide(f.attempt(other, other, TABLET)));
        assertEquals(0, revocation.code("not a code", "olga"));
    }

    @Test
    void aBatchIsIssuedOnceUnderItsId() {
        UUID batch = UUID.randomUUID();
        f.vouchers.issueBatch(batch, 1, 60, Duration.ofDays(1), 1, "olga");
        org.junit.jupiter.api.Assertions.assertThrows(BatchAlreadyIssued.class, () -> f.vouchers.issueBatch(batch, 1, 60, Duration.ofDays(1), 1, "olga"));
    }
}

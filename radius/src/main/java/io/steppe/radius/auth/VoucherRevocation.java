package io.steppe.radius.auth;

import static io.steppe.db.schema.Tables.VOUCHER;

import io.steppe.db.AuditLog;
import io.steppe.db.keys.SecretKeys;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Revokes vouchers whose sheet was lost or handed out wrongly: from then on RADIUS refuses them
 * ({@link io.steppe.radius.packet.RejectReason#VOUCHER_REVOKED}) and quota enforcement ends the sessions they have open,
 * since a revoked voucher has no time left. Each revocation is audited in its own transaction.
 */
public final class VoucherRevocation {

    private final DSLContext dsl;
    private final SecretKeys keys;
    private final Clock clock;
    private final HotspotPolicy policy;

    public VoucherRevocation(DSLContext dsl, SecretKeys keys, Clock clock, HotspotPolicy policy) {
        this.dsl = dsl;
        this.keys = keys;
        this.clock = clock;
        this.policy = policy;
    }

    /** The voucher of this code, as typed; how many were revoked (0: no such voucher, or already revoked). */
    public int code(String typed, String actor) {
        if (!VoucherIssuer.looksLikeCode(VoucherIssuer.normalised(typed))) {
            return 0;
        }
        return revoke(VOUCHER.CODE_HASH.eq(VoucherIssuer.codeHash(keys, typed)), actor, Map.of());
    }

    /** The voucher that is subscriber {@code subscriberId}, as the console's list names it. */
    public int voucher(long subscriberId, String actor) {
        return revoke(VOUCHER.SUBSCRIBER_ID.eq(subscriberId), actor, Map.of());
    }

    /** Every voucher of a batch still in force. */
    public int batch(UUID batch, String actor) {
        return revoke(VOUCHER.BATCH_ID.eq(batch), actor, Map.of("batch", batch.toString()));
    }

    private int revoke(Condition which, String actor, Map<String, Object> details) {
        List<Revoked> revoked = dsl.transactionResult(tx -> {
            List<Revoked> done = tx.dsl().update(VOUCHER).set(VOUCHER.REVOKED_AT, OffsetDateTime.now(clock))
                    .where(which).and(VOUCHER.REVOKED_AT.isNull())
                    .returning(VOUCHER.CODE_HASH, VOUCHER.CODE_START).fetch(r -> new Revoked(r.getCodeHash(), r.getCodeStart()));
            if (!done.isEmpty()) {
                // the subject shows what the console shows of a code: its first two characters
                String subject = done.size() == 1 ? masked(done.get(0).codeStart()) : done.size() + " vouchers";
                AuditLog.record(tx.dsl(), actor, "voucher.revoke", subject, details);
            }
            return done;
        });
        policy.vouchersChanged(revoked.stream().map(Revoked::codeHash).toList());
        return revoked.size();
    }

    /** What the console and the audit log show of a code: its first two characters. */
    public static String masked(String codeStart) {
        return (codeStart == null ? "··" : codeStart) + "••••••••";
    }

    private record Revoked(String codeHash, String codeStart) {
    }
}

package io.steppe.db;

import static io.steppe.db.schema.Tables.AUDIT_LOG;

import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.tools.json.JSONObject;

/**
 * The audit log: who changed what. Every administrative change is written here in the same
 * transaction as the change itself, so a change without its audit row cannot be committed.
 */
public final class AuditLog {

    private AuditLog() {
    }

    /**
     * Records one act.
     *
     * @param tx      the transaction that makes the change
     * @param actor   who did it: a console account, {@code cli:<os user>}, or {@code ip:<address>} for a caller not logged in
     * @param action  what was done, as {@code <thing>.<verb>}, e.g. {@code nas.add}
     * @param subject what it was done to, e.g. the gateway's name
     * @param details further facts; never secrets
     */
    public static void record(DSLContext tx, String actor, String action, String subject, Map<String, ?> details) {
        Objects.requireNonNull(actor, "actor");
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.SUBJECT, subject)
                .set(AUDIT_LOG.DETAILS, JSONB.valueOf(JSONObject.toJSONString(details)))
                .execute();
    }

    /** The newest entries first, at most {@code limit}. */
    public static java.util.List<AuditEntry> recent(DSLContext dsl, int limit) {
        return dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.ID.desc()).limit(limit)
                .fetch(r -> new AuditEntry(r.getAt().toInstant(), r.getActor(), r.getAction(), r.getSubject(),
                        r.getDetails().data()));
    }

    /** One row of the audit log. */
    public record AuditEntry(java.time.Instant at, String actor, String action, String subject, String detailsJson) {
    }
}

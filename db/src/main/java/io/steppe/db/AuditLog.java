package io.steppe.db;

import static io.steppe.db.schema.Tables.AUDIT_LOG;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.tools.json.JSONObject;

/**
 * The audit log: who changed what, when and from where. Every administrative change is written here in the same
 * transaction as the change itself, so a change without its audit row cannot be committed.
 *
 * <p>Where an act came from (the console user's address, the command's host) is known where the request arrives, not
 * in the repositories that make the change; the process says once, with {@link #sourceFrom}, how to learn it for the
 * act in progress, and every {@link #record} without an explicit source asks that.
 */
public final class AuditLog {

    private static final String SOURCE = AuditLog.class.getName() + ".source";

    private AuditLog() {
    }

    /**
     * Tells every audit entry written through {@code dsl} (and the transactions it starts) where its act came from,
     * as {@code source} says at the time of writing: empty when it does not know (one of Steppe's own jobs).
     */
    public static void sourceFrom(DSLContext dsl, Supplier<Optional<String>> source) {
        dsl.configuration().data(SOURCE, Objects.requireNonNull(source, "source"));
    }

    /**
     * Records one act; its source is what {@link #sourceFrom} said for {@code tx}, if anything.
     *
     * @param tx      the transaction that makes the change
     * @param actor   who did it: a console account, {@code cli:<os user>}, or {@code ip:<address>} for a caller not logged in
     * @param action  what was done, as {@code <thing>.<verb>}, e.g. {@code nas.add}
     * @param subject what it was done to, e.g. the gateway's name
     * @param details further facts; never secrets
     */
    public static void record(DSLContext tx, String actor, String action, String subject, Map<String, ?> details) {
        record(tx, actor, currentSource(tx).orElse(null), action, subject, details);
    }

    /** The same with the act's source given: a client address, {@code cli@<host>}, or null when unknown. */
    public static void record(DSLContext tx, String actor, String source, String action, String subject, Map<String, ?> details) {
        Objects.requireNonNull(actor, "actor");
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.SOURCE, source)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.SUBJECT, subject)
                .set(AUDIT_LOG.DETAILS, JSONB.valueOf(JSONObject.toJSONString(details)))
                .execute();
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> currentSource(DSLContext tx) {
        Object source = tx.configuration().data(SOURCE);
        return source instanceof Supplier<?> s ? ((Supplier<Optional<String>>) s).get() : Optional.empty();
    }

    /** How many entries record {@code action}, by the value of one of their details (e.g. how each export was asked for). */
    public static Map<String, Long> countBy(DSLContext dsl, String action, String detail) {
        var key = org.jooq.impl.DSL.field("{0} ->> {1}", String.class, AUDIT_LOG.DETAILS, org.jooq.impl.DSL.inline(detail));
        return dsl.select(key, org.jooq.impl.DSL.count()).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq(action)).groupBy(key)
                .fetchMap(r -> r.value1() == null ? "" : r.value1(), r -> r.value2().longValue());
    }

    /** The newest entries first, at most {@code limit}. */
    public static java.util.List<AuditEntry> recent(DSLContext dsl, int limit) {
        return dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.ID.desc()).limit(limit)
                .fetch(r -> new AuditEntry(r.getAt().toInstant(), r.getActor(), r.getAction(), r.getSubject(),
                        r.getDetails().data(), r.getSource()));
    }

    /** One row of the audit log; {@code source} is null where it is not known. */
    public record AuditEntry(java.time.Instant at, String actor, String action, String subject, String detailsJson, String source) {
    }
}

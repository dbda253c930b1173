package io.steppe.controller.alert;

import static io.steppe.db.schema.Tables.AP_ALERT;

import io.steppe.controller.health.ApState;
import io.steppe.controller.health.Reason;
import io.steppe.db.AuditLog;
import io.steppe.db.schema.tables.records.ApAlertRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/** Alerts in the database, with their state and reasons as keys and figures, and who acknowledged them. */
public final class AlertStore {

    private final DSLContext dsl;

    public AlertStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The open alerts, oldest first, as the database has them (what every node shows). */
    public List<Alert> open() {
        return dsl.selectFrom(AP_ALERT).where(AP_ALERT.RESOLVED_AT.isNull()).orderBy(AP_ALERT.ID).fetch(AlertStore::alert);
    }

    /** The most recent alerts, open or resolved, newest first, skipping the {@code offset} newer ones. */
    public List<Alert> recent(int offset, int limit) {
        return dsl.selectFrom(AP_ALERT).orderBy(AP_ALERT.ID.desc()).offset(offset).limit(limit).fetch(AlertStore::alert);
    }

    /** The most recent alerts, open or resolved, newest first. */
    public List<Alert> recent(int limit) {
        return recent(0, limit);
    }

    /** The most recent alerts with one of {@code keys}, open or resolved, newest first: an AP's history of incidents. */
    public List<Alert> recentOf(List<String> keys, int limit) {
        return dsl.selectFrom(AP_ALERT).where(AP_ALERT.KEY.in(keys)).orderBy(AP_ALERT.ID.desc()).limit(limit).fetch(AlertStore::alert);
    }

    public Optional<Alert> find(long id) {
        return dsl.selectFrom(AP_ALERT).where(AP_ALERT.ID.eq(id)).fetchOptional(AlertStore::alert);
    }

    Alert open(Alert.Wanted w, Instant now) {
        ApAlertRecord r = dsl.insertInto(AP_ALERT).set(AP_ALERT.KEY, w.key()).set(AP_ALERT.SCOPE, w.scope())
                .set(AP_ALERT.SUBJECT, w.subject()).set(AP_ALERT.STATE, w.state().name()).set(AP_ALERT.REASON, reason(w.reasons()))
                .set(AP_ALERT.REASONS, stored(w.reasons())).set(AP_ALERT.AFFECTED, w.affected()).set(AP_ALERT.FLAPS, 0)
                .set(AP_ALERT.FLAPS_BASE, w.apFlaps())
                .set(AP_ALERT.OPENED_AT, time(now)).set(AP_ALERT.UPDATED_AT, time(now))
                .returning().fetchOne();
        return alert(r);
    }

    /**
     * Writes what the alert now follows. An acknowledgement, which any node may have added since this one read the
     * alert, is left alone unless {@code worse}: an alert that changed state is news again.
     */
    void update(Alert a, boolean worse, Instant now) {
        var update = dsl.update(AP_ALERT).set(AP_ALERT.STATE, a.state().name()).set(AP_ALERT.REASON, a.reason()).set(AP_ALERT.REASONS, stored(a.reasons()))
                .set(AP_ALERT.AFFECTED, a.affected()).set(AP_ALERT.FLAPS, a.flaps())
                .set(AP_ALERT.UPDATED_AT, time(now));
        if (worse) {
            update = update.setNull(AP_ALERT.ACKNOWLEDGED_AT).setNull(AP_ALERT.ACKNOWLEDGED_BY).setNull(AP_ALERT.ACKNOWLEDGED_NOTE);
        }
        update.where(AP_ALERT.ID.eq(a.id())).execute();
    }

    void resolve(Alert a, Instant now) {
        dsl.update(AP_ALERT).set(AP_ALERT.RESOLVED_AT, time(now)).set(AP_ALERT.UPDATED_AT, time(now))
                .where(AP_ALERT.ID.eq(a.id())).execute();
    }

    /**
     * Records that {@code by} has seen an open alert, with a note, in the audit log in the same transaction.
     *
     * @return whether the alert was open (a resolved one is not acknowledged)
     */
    public boolean acknowledge(long id, String by, String note, Instant now) {
        return dsl.transactionResult(tx -> {
            int n = tx.dsl().update(AP_ALERT).set(AP_ALERT.ACKNOWLEDGED_AT, time(now)).set(AP_ALERT.ACKNOWLEDGED_BY, by)
                    .set(AP_ALERT.ACKNOWLEDGED_NOTE, note).set(AP_ALERT.UPDATED_AT, time(now))
                    .where(AP_ALERT.ID.eq(id)).and(AP_ALERT.RESOLVED_AT.isNull()).execute();
            if (n > 0) {
                AuditLog.record(tx.dsl(), by, "alert.acknowledge", Long.toString(id), Map.of("note", note));
            }
            return n > 0;
        });
    }

    private static String reason(List<Reason> reasons) {
        return reasons.isEmpty() ? Reason.DOWN : reasons.get(0).code();
    }

    private static String[] stored(List<Reason> reasons) {
        return reasons.stream().map(Reason::stored).toArray(String[]::new);
    }

    private static OffsetDateTime time(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Alert alert(ApAlertRecord r) {
        Optional<Alert.Acknowledgement> ack = Optional.ofNullable(r.getAcknowledgedAt()).map(at -> new Alert.Acknowledgement(
                r.getAcknowledgedBy(), at.toInstant(), r.getAcknowledgedNote() == null ? "" : r.getAcknowledgedNote()));
        boolean legacy = r.getState() == null;
        return new Alert(r.getId(), r.getKey(), r.getScope(), r.getSubject(), legacy ? ApState.DOWN : ApState.valueOf(r.getState()),
                legacy ? List.of(Reason.parse(r.getReason() + "|" + r.getMessage())) : Arrays.stream(r.getReasons()).map(Reason::parse).toList(),
                r.getAffected(), r.getFlaps(), r.getFlapsBase(),
                r.getOpenedAt().toInstant(), Optional.ofNullable(r.getResolvedAt()).map(OffsetDateTime::toInstant), ack,
                legacy ? Optional.ofNullable(r.getMessage()) : Optional.empty());
    }
}

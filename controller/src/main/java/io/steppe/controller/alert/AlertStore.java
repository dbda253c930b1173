package io.steppe.controller.alert;

import static io.steppe.db.schema.Tables.AP_ALERT;

import io.steppe.db.schema.tables.records.ApAlertRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Alerts in the database. */
public final class AlertStore {

    private final DSLContext dsl;

    public AlertStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Alert> open() {
        return dsl.selectFrom(AP_ALERT).where(AP_ALERT.RESOLVED_AT.isNull()).orderBy(AP_ALERT.ID).fetch(AlertStore::alert);
    }

    /** The most recent alerts, open or resolved, newest first. */
    public List<Alert> recent(int limit) {
        return dsl.selectFrom(AP_ALERT).orderBy(AP_ALERT.ID.desc()).limit(limit).fetch(AlertStore::alert);
    }

    Alert open(Alert.Wanted w, Instant now) {
        ApAlertRecord r = dsl.insertInto(AP_ALERT).set(AP_ALERT.KEY, w.key()).set(AP_ALERT.SCOPE, w.scope())
                .set(AP_ALERT.SUBJECT, w.subject()).set(AP_ALERT.REASON, w.reason()).set(AP_ALERT.MESSAGE, w.message())
                .set(AP_ALERT.AFFECTED, w.affected()).set(AP_ALERT.FLAPS, w.flaps())
                .set(AP_ALERT.OPENED_AT, now.atOffset(ZoneOffset.UTC)).set(AP_ALERT.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .returning().fetchOne();
        return alert(r);
    }

    void update(Alert a, Instant now) {
        dsl.update(AP_ALERT).set(AP_ALERT.MESSAGE, a.message()).set(AP_ALERT.AFFECTED, a.affected()).set(AP_ALERT.FLAPS, a.flaps())
                .set(AP_ALERT.UPDATED_AT, now.atOffset(ZoneOffset.UTC)).where(AP_ALERT.ID.eq(a.id())).execute();
    }

    void resolve(Alert a, Instant now) {
        dsl.update(AP_ALERT).set(AP_ALERT.RESOLVED_AT, now.atOffset(ZoneOffset.UTC)).set(AP_ALERT.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(AP_ALERT.ID.eq(a.id())).execute();
    }

    private static Alert alert(ApAlertRecord r) {
        return new Alert(r.getId(), r.getKey(), r.getScope(), r.getSubject(), r.getReason(), r.getMessage(), r.getAffected(),
                r.getFlaps(), r.getOpenedAt().toInstant(), Optional.ofNullable(r.getResolvedAt()).map(t -> t.toInstant()));
    }
}

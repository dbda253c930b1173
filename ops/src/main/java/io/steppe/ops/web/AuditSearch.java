package io.steppe.ops.web;

import static io.steppe.db.schema.Tables.AUDIT_LOG;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The audit log as {@link AuditQuery} filters it, newest first. */
final class AuditSearch {

    /** One entry; {@code details} is its JSON object as stored; {@code source} is empty where it is not known. */
    record Entry(long id, Instant at, String actor, String source, String action, String subject, String details) {
    }

    private final DSLContext dsl;

    AuditSearch(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Entry> find(AuditQuery q) {
        List<Condition> where = new ArrayList<>();
        if (q.from() != null) {
            where.add(AUDIT_LOG.AT.ge(q.from().atOffset(ZoneOffset.UTC)));
        }
        if (q.to() != null) {
            where.add(AUDIT_LOG.AT.lt(q.to().atOffset(ZoneOffset.UTC)));
        }
        if (q.actor() != null) {
            where.add(AUDIT_LOG.ACTOR.eq(q.actor()));
        }
        if (q.action() != null) {
            where.add(AUDIT_LOG.ACTION.eq(q.action()));
        }
        if (q.before() != null) {
            where.add(AUDIT_LOG.ID.lt(q.before()));
        }
        return dsl.selectFrom(AUDIT_LOG).where(DSL.and(where)).orderBy(AUDIT_LOG.ID.desc()).limit(q.limit())
                .fetch(r -> new Entry(r.getId(), r.getAt().toInstant(), r.getActor(),
                        r.getSource() == null ? "" : r.getSource(), r.getAction(), r.getSubject(), r.getDetails().data()));
    }
}

package io.steppe.coverage.importer;

import static io.steppe.db.schema.Tables.COVERAGE_IMPORT;

import io.steppe.db.AuditLog;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * An import's row in {@code coverage_import}: written when the import starts, so that its samples can name it,
 * and completed with the counts, together with the audit log's entry, once they are known.
 */
record ImportEntry(long id, String source, String format, String actor) {

    static ImportEntry start(DSLContext dsl, String source, String format, String actor, OffsetDateTime startedAt) {
        long id = dsl.insertInto(COVERAGE_IMPORT)
                .set(COVERAGE_IMPORT.SOURCE, source).set(COVERAGE_IMPORT.FORMAT, format)
                .set(COVERAGE_IMPORT.ACTOR, actor).set(COVERAGE_IMPORT.STARTED_AT, startedAt)
                .returning(COVERAGE_IMPORT.ID).fetchOne().getId();
        return new ImportEntry(id, source, format, actor);
    }

    /** Records what the import did, and audits it, in one transaction. */
    void finish(DSLContext dsl, ImportResult done, OffsetDateTime finishedAt) {
        dsl.transaction(c -> {
            c.dsl().update(COVERAGE_IMPORT).set(COVERAGE_IMPORT.FINISHED_AT, finishedAt).set(COVERAGE_IMPORT.ACCEPTED, done.accepted())
                    .set(COVERAGE_IMPORT.DUPLICATES, done.duplicates()).set(COVERAGE_IMPORT.REJECTED, done.rejected())
                    .set(COVERAGE_IMPORT.WARNED, done.warned()).set(COVERAGE_IMPORT.REPORT_PATH, done.report().toString())
                    .where(COVERAGE_IMPORT.ID.eq(id)).execute();
            AuditLog.record(c.dsl(), actor, "coverage.import", source, Map.of("import", id, "format", format,
                    "accepted", done.accepted(), "new", done.added(), "rejected", done.rejected(), "warned", done.warned()));
        });
    }
}

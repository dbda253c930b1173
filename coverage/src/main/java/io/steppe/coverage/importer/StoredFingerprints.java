package io.steppe.coverage.importer;

import static io.steppe.db.schema.Tables.COVERAGE_IMPORT;
import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;

import io.steppe.db.schema.Indexes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The fingerprints of the rows a source already holds, read before its import copies anything. A new source
 * costs one small query; a source imported before costs one pass over its imports' rows, which the BRIN index
 * on {@code import_id} finds without reading other sources' rows. That index is summarised here, when a
 * re-import needs it, rather than after every import.
 */
final class StoredFingerprints {

    private static final int FETCH_SIZE = 100_000;

    private StoredFingerprints() {
    }

    static FingerprintSet of(Connection connection, String source, long currentImport) throws SQLException {
        DSLContext session = DSL.using(connection, SQLDialect.POSTGRES);
        FingerprintSet seen = new FingerprintSet();
        List<Long> earlier = session.select(COVERAGE_IMPORT.ID).from(COVERAGE_IMPORT)
                .where(COVERAGE_IMPORT.SOURCE.eq(source), COVERAGE_IMPORT.ID.ne(currentImport)).fetch(COVERAGE_IMPORT.ID);
        if (earlier.isEmpty()) {
            return seen;
        }
        BrinSummaries.summariseNew(session, Indexes.COVERAGE_SAMPLE_IMPORT_BRIN);
        // pgjdbc streams a result in FETCH_SIZE pieces only inside a transaction
        connection.setAutoCommit(false);
        try (Cursor<Record1<Long>> rows = session.select(COVERAGE_SAMPLE.FINGERPRINT).from(COVERAGE_SAMPLE)
                .where(COVERAGE_SAMPLE.IMPORT_ID.in(earlier))
                .fetchSize(FETCH_SIZE).fetchLazy()) {
            for (Record1<Long> r : rows) {
                seen.add(r.value1());
            }
        } finally {
            connection.commit();
            connection.setAutoCommit(true);
        }
        return seen;
    }
}

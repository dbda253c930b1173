package io.steppe.coverage.importer;

import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;
import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE_STAGING;

import io.steppe.coverage.sample.Sample;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows on their way to {@code coverage_sample}, in PostgreSQL's COPY text format. jOOQ has no COPY, so the rows
 * go through pgjdbc's {@link CopyManager} into the staging table (COPY cannot skip rows already there) and move
 * on with a jOOQ {@code INSERT … SELECT … ON CONFLICT DO NOTHING}, one transaction per batch.
 */
final class CopyBatch {

    private static final List<Field<?>> COLUMNS = List.of(COVERAGE_SAMPLE_STAGING.SOURCE, COVERAGE_SAMPLE_STAGING.FINGERPRINT,
            COVERAGE_SAMPLE_STAGING.IMPORT_ID, COVERAGE_SAMPLE_STAGING.MEASURED_AT, COVERAGE_SAMPLE_STAGING.LATITUDE,
            COVERAGE_SAMPLE_STAGING.LONGITUDE, COVERAGE_SAMPLE_STAGING.OPERATOR, COVERAGE_SAMPLE_STAGING.RAT,
            COVERAGE_SAMPLE_STAGING.RSRP, COVERAGE_SAMPLE_STAGING.RSRQ, COVERAGE_SAMPLE_STAGING.SINR,
            COVERAGE_SAMPLE_STAGING.DL_MBPS, COVERAGE_SAMPLE_STAGING.UL_MBPS, COVERAGE_SAMPLE_STAGING.DEVICE,
            COVERAGE_SAMPLE_STAGING.CLASS, COVERAGE_SAMPLE_STAGING.H3_R9, COVERAGE_SAMPLE_STAGING.H3_R8,
            COVERAGE_SAMPLE_STAGING.H3_R7);
    private static final List<Field<?>> TARGET = COLUMNS.stream().<Field<?>>map(f -> COVERAGE_SAMPLE.field(f.getName())).toList();
    private static final String COPY_SQL = "COPY " + COVERAGE_SAMPLE_STAGING.getName() + " ("
            + COLUMNS.stream().map(Field::getName).collect(Collectors.joining(", ")) + ") FROM STDIN";

    private final Connection connection;
    private final CopyManager copy;
    private final DSLContext tx;
    private final String sourceText;
    private final long importId;
    private final StringBuilder rows = new StringBuilder(1 << 20);
    private final TouchedCells pending = new TouchedCells();
    private int count;

    CopyBatch(Connection connection, String source, long importId) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.tx = DSL.using(connection, SQLDialect.POSTGRES);
        this.sourceText = escape(source);
        this.importId = importId;
    }

    int size() {
        return count;
    }

    void add(Sample s, long fingerprint, int sampleClass, long r9, long r8, long r7) {
        StringBuilder b = rows;
        b.append(sourceText).append('\t').append(fingerprint).append('\t').append(importId).append('\t')
                .append(Instant.ofEpochMilli(s.measuredAt())).append('\t').append(s.latitude()).append('\t')
                .append(s.longitude()).append('\t').append(s.operator()).append('\t').append(s.rat().name()).append('\t');
        value(b, s.rsrp());
        value(b, s.rsrq());
        value(b, s.sinr());
        value(b, s.downMbps());
        value(b, s.upMbps());
        b.append(escape(s.device())).append('\t').append(sampleClass).append('\t').append(r9).append('\t').append(r8)
                .append('\t').append(r7).append('\n');
        pending.add(s.operator(), r8);
        count++;
    }

    /** Writes the batch in one transaction; returns how many rows were new, and adds their cells to {@code touched}. */
    long flush(TouchedCells touched) throws SQLException, IOException {
        if (count == 0) {
            return 0;
        }
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            copy.copyIn(COPY_SQL, new StringReader(rows.toString()));
            int added = tx.insertInto(COVERAGE_SAMPLE, TARGET)
                    .select(DSL.select(COLUMNS).from(COVERAGE_SAMPLE_STAGING)
                            .where(COVERAGE_SAMPLE_STAGING.IMPORT_ID.eq(importId)))
                    .onConflictDoNothing()
                    .execute();
            tx.deleteFrom(COVERAGE_SAMPLE_STAGING).where(COVERAGE_SAMPLE_STAGING.IMPORT_ID.eq(importId)).execute();
            connection.commit();
            if (added > 0) {
                touched.addAll(pending);
            }
            return added;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
            rows.setLength(0);
            pending.byOperator().clear();
            count = 0;
        }
    }

    private static void value(StringBuilder b, Object v) {
        if (v == null) {
            b.append("\\N");
        } else {
            b.append(v);
        }
        b.append('\t');
    }

    private static String escape(String text) {
        if (text.indexOf('\\') < 0 && text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}

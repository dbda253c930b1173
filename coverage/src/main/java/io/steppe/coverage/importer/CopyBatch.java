package io.steppe.coverage.importer;

import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;
import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE_STAGING;

import io.steppe.coverage.sample.Sample;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows on their way to {@code coverage_sample}, in PostgreSQL's COPY text format, one transaction per batch. jOOQ
 * has no COPY, so the rows go through pgjdbc's {@link CopyManager}; COPY cannot skip rows already stored, so those
 * are looked up by fingerprint first (one indexed query per batch) and left out.
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
    private static final String COLUMN_LIST = " (" + COLUMNS.stream().map(Field::getName).collect(Collectors.joining(", ")) + ") FROM STDIN";
    private static final String COPY_DIRECT = "COPY " + COVERAGE_SAMPLE.getName() + COLUMN_LIST;
    private static final String COPY_STAGING = "COPY " + COVERAGE_SAMPLE_STAGING.getName() + COLUMN_LIST;
    private static final String UNIQUE_VIOLATION = "23505";

    private final Connection connection;
    private final CopyManager copy;
    private final DSLContext tx;
    private final String source;
    private final String sourceText;
    private final long importId;
    private final StringBuilder rows = new StringBuilder(1 << 22);
    private final List<Pending> pending = new ArrayList<>();
    private final Set<Long> fingerprints = new HashSet<>();

    /** Where a row's text is in {@link #rows}, and what aggregation needs to know of it. */
    private record Pending(long fingerprint, int start, int end, String operator, long r8, long measuredAt) {
    }

    CopyBatch(Connection connection, String source, long importId) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.tx = DSL.using(connection, SQLDialect.POSTGRES);
        this.source = source;
        this.sourceText = escape(source);
        this.importId = importId;
    }

    int size() {
        return pending.size();
    }

    /** Adds a row, unless the batch already holds an identical one (1 Hz logs repeat rows). */
    void add(Sample s, long fingerprint, int sampleClass, long r9, long r8, long r7) {
        if (!fingerprints.add(fingerprint)) {
            return;
        }
        StringBuilder b = rows;
        int start = b.length();
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
        pending.add(new Pending(fingerprint, start, b.length(), s.operator(), r8, s.measuredAt()));
    }

    /**
     * Writes the batch in one transaction; returns how many rows were new, and adds their cells to {@code touched}.
     * Rows already stored under the source are left out before the COPY, which then goes straight into the table;
     * should another import of the same source have stored one meanwhile, the batch goes through staging instead.
     */
    long flush(TouchedCells touched) throws SQLException, IOException {
        if (pending.isEmpty()) {
            return 0;
        }
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Set<Long> stored = new HashSet<>(tx.select(COVERAGE_SAMPLE.FINGERPRINT).from(COVERAGE_SAMPLE)
                    .where(COVERAGE_SAMPLE.SOURCE.eq(source), COVERAGE_SAMPLE.FINGERPRINT.eq(DSL.any(fingerprints.toArray(new Long[0]))))
                    .fetch(COVERAGE_SAMPLE.FINGERPRINT));
            List<Pending> fresh = stored.isEmpty() ? pending : pending.stream().filter(p -> !stored.contains(p.fingerprint())).toList();
            long added;
            try {
                added = fresh.isEmpty() ? 0 : copy.copyIn(COPY_DIRECT, new StringReader(text(fresh)));
                connection.commit();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback();
                added = throughStaging(fresh);
            }
            for (Pending p : fresh) {
                touched.add(p.operator(), p.r8(), p.measuredAt());
            }
            return added;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
            rows.setLength(0);
            pending.clear();
            fingerprints.clear();
        }
    }

    private long throughStaging(List<Pending> fresh) throws SQLException, IOException {
        copy.copyIn(COPY_STAGING, new StringReader(text(fresh)));
        int added = tx.insertInto(COVERAGE_SAMPLE, TARGET)
                .select(DSL.select(COLUMNS).from(COVERAGE_SAMPLE_STAGING).where(COVERAGE_SAMPLE_STAGING.IMPORT_ID.eq(importId)))
                .onConflictDoNothing()
                .execute();
        tx.deleteFrom(COVERAGE_SAMPLE_STAGING).where(COVERAGE_SAMPLE_STAGING.IMPORT_ID.eq(importId)).execute();
        connection.commit();
        return added;
    }

    private String text(List<Pending> selected) {
        if (selected == pending) {
            return rows.toString();
        }
        StringBuilder b = new StringBuilder(rows.length());
        for (Pending p : selected) {
            b.append(rows, p.start(), p.end());
        }
        return b.toString();
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

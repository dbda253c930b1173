package io.steppe.coverage.importer;

import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;

import io.steppe.coverage.sample.Sample;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.Field;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * New rows on their way to {@code coverage_sample} in PostgreSQL's binary COPY format, one COPY (and so one
 * transaction) per batch. jOOQ has no COPY, so the rows go through pgjdbc's {@link CopyManager}; the column
 * list comes from the generated table. Rows whose fingerprint the source already holds never get here.
 */
final class CopyBatch {

    private static final List<Field<?>> COLUMNS = List.of(COVERAGE_SAMPLE.FINGERPRINT,
            COVERAGE_SAMPLE.IMPORT_ID, COVERAGE_SAMPLE.MEASURED_AT, COVERAGE_SAMPLE.LATITUDE, COVERAGE_SAMPLE.LONGITUDE,
            COVERAGE_SAMPLE.OPERATOR, COVERAGE_SAMPLE.RAT, COVERAGE_SAMPLE.RSRP, COVERAGE_SAMPLE.RSRQ, COVERAGE_SAMPLE.SINR,
            COVERAGE_SAMPLE.DL_MBPS, COVERAGE_SAMPLE.UL_MBPS, COVERAGE_SAMPLE.DEVICE, COVERAGE_SAMPLE.CLASS,
            COVERAGE_SAMPLE.H3_R9, COVERAGE_SAMPLE.H3_R8, COVERAGE_SAMPLE.H3_R7);
    private static final String COPY = "COPY " + COVERAGE_SAMPLE.getName() + " ("
            + COLUMNS.stream().map(Field::getName).collect(Collectors.joining(", ")) + ") FROM STDIN (FORMAT binary)";
    /** Devices and operators repeat row after row; their bytes are kept, up to this many distinct ones. */
    private static final int TEXT_CACHE = 4096;

    private final CopyManager copy;
    private final long importId;
    private final BinaryRows rows = new BinaryRows();
    private final Map<String, byte[]> texts = new HashMap<>();
    private int size;
    private String[] operators = new String[SampleImporter.BATCH];
    private long[] cells = new long[SampleImporter.BATCH];
    private long[] times = new long[SampleImporter.BATCH];

    CopyBatch(Connection connection, long importId) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.importId = importId;
    }

    int size() {
        return size;
    }

    void add(Sample s, long fingerprint, int sampleClass, long r9, long r8, long r7) {
        BinaryRows b = rows;
        b.row(COLUMNS.size());
        b.int8(fingerprint);
        b.int8(importId);
        b.timestamptz(s.measuredAt());
        b.float8(s.latitude());
        b.float8(s.longitude());
        b.text(bytes(s.operator()));
        b.text(bytes(s.rat().name()));
        b.int2OrNull(s.rsrp());
        b.float4OrNull(s.rsrq());
        b.float4OrNull(s.sinr());
        b.float4OrNull(s.downMbps());
        b.float4OrNull(s.upMbps());
        b.text(bytes(s.device()));
        b.int2(sampleClass);
        b.int8(r9);
        b.int8(r8);
        b.int8(r7);
        if (size == operators.length) {
            operators = java.util.Arrays.copyOf(operators, size * 2);
            cells = java.util.Arrays.copyOf(cells, size * 2);
            times = java.util.Arrays.copyOf(times, size * 2);
        }
        operators[size] = s.operator();
        cells[size] = r8;
        times[size] = s.measuredAt();
        size++;
    }

    /** Copies the batch (autocommit: it is stored once this returns); returns its row count, its cells go to {@code touched}. */
    long flush(TouchedCells touched) throws SQLException {
        if (size == 0) {
            return 0;
        }
        try {
            rows.finish();
            CopyIn in = copy.copyIn(COPY);
            try {
                in.writeToCopy(rows.bytes(), 0, rows.length());
                long copied = in.endCopy();
                for (int i = 0; i < size; i++) {
                    touched.add(operators[i], cells[i], times[i]);
                }
                return copied;
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        } finally {
            rows.clear();
            size = 0;
        }
    }

    private byte[] bytes(String text) {
        byte[] b = texts.get(text);
        if (b == null) {
            if (texts.size() >= TEXT_CACHE) {
                texts.clear();
            }
            b = text.getBytes(StandardCharsets.UTF_8);
            texts.put(text, b);
        }
        return b;
    }
}

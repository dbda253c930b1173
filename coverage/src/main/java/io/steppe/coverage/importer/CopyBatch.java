package io.steppe.coverage.importer;

import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;

import io.steppe.coverage.sample.Sample;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * list comes from the generated table. Rows whose fingerprint the source already holds never get here, and the
 * formats keep out values PostgreSQL refuses; a row that still carries one is refused alone (see {@link #flush}).
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
    private final SampleMonths months;
    private final long importId;
    private final BinaryRows rows = new BinaryRows();
    private final Map<String, byte[]> texts = new HashMap<>();
    private int size;
    private String[] operators = new String[CopyPipeline.BATCH];
    private long[] cells = new long[CopyPipeline.BATCH];
    private long[] times = new long[CopyPipeline.BATCH];
    /** Where each row begins in {@link #rows}, and the line of the upload it came from. */
    private int[] starts = new int[CopyPipeline.BATCH];
    private long[] lines = new long[CopyPipeline.BATCH];

    /** A row PostgreSQL refused, by its line in the upload, with a reason that names no SQL. */
    record Refused(long line, String reason) {
    }

    /** What a flush stored, and the rows it could not. */
    record Flushed(long copied, List<Refused> refused) {
        static final Flushed NOTHING = new Flushed(0, List.of());
    }

    CopyBatch(Connection connection, long importId) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.months = new SampleMonths(connection);
        this.importId = importId;
    }

    int size() {
        return size;
    }

    /** Adds the sample read from {@code line} of the upload. */
    void add(Sample s, long line, long fingerprint, int sampleClass, long r9, long r8, long r7) {
        if (size == operators.length) {
            operators = Arrays.copyOf(operators, size * 2);
            cells = Arrays.copyOf(cells, size * 2);
            times = Arrays.copyOf(times, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
            lines = Arrays.copyOf(lines, size * 2);
        }
        starts[size] = rows.length();
        lines[size] = line;
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
        operators[size] = s.operator();
        cells[size] = r8;
        times[size] = s.measuredAt();
        size++;
    }

    /**
     * Copies the batch (autocommit: what is copied is stored once this returns); the cells of the rows stored go to
     * {@code touched}. A batch PostgreSQL refuses for what a row holds is halved until the refused rows are alone,
     * so one row it will not take costs no other row its place.
     */
    Flushed flush(TouchedCells touched) throws SQLException {
        if (size == 0) {
            return Flushed.NOTHING;
        }
        try {
            months.cover(times, size);
            int end = rows.length();
            List<Refused> refused = new ArrayList<>(0);
            long copied = copy(0, size, end, touched, refused);
            return new Flushed(copied, refused);
        } finally {
            rows.clear();
            size = 0;
        }
    }

    private long copy(int from, int to, int end, TouchedCells touched, List<Refused> refused) throws SQLException {
        try {
            long copied = copyIn(starts[from], to < size ? starts[to] : end);
            for (int i = from; i < to; i++) {
                touched.add(operators[i], cells[i], times[i]);
            }
            return copied;
        } catch (SQLException e) {
            if (!RefusedValue.is(e)) {
                throw e;
            }
            if (to - from == 1) {
                refused.add(new Refused(lines[from], RefusedValue.reason(e)));
                return 0;
            }
            int half = (from + to) >>> 1;
            return copy(from, half, end, touched, refused) + copy(half, to, end, touched, refused);
        }
    }

    /** One COPY of the rows encoded between the two offsets. */
    private long copyIn(int from, int to) throws SQLException {
        CopyIn in = copy.copyIn(COPY);
        try {
            in.writeToCopy(BinaryRows.HEADER, 0, BinaryRows.HEADER.length);
            in.writeToCopy(rows.bytes(), from, to - from);
            in.writeToCopy(BinaryRows.TRAILER, 0, BinaryRows.TRAILER.length);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
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

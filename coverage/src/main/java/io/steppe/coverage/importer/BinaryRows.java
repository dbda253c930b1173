package io.steppe.coverage.importer;

import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary COPY format (the {@code COPY} page of the PostgreSQL manual, "Binary Format"): a
 * header, then per row a field count and each field as a length and its bytes in network order, then a trailer.
 * The rows are kept without the header and trailer, so that any run of them can be copied on its own.
 * Numbers go as their bytes instead of as decimal text, which PostgreSQL would parse again: the text format's
 * number printing was the largest cost of the importer's own thread.
 */
final class BinaryRows {

    /** What every COPY of these rows begins and ends with. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
    /** Microseconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00Z. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;
    private static final int NULL = -1;

    private byte[] buf = new byte[1 << 20];
    private int length;

    /** Forgets the rows. */
    void clear() {
        length = 0;
    }

    int length() {
        return length;
    }

    byte[] bytes() {
        return buf;
    }

    void row(int fields) {
        ensure(2);
        putShort(fields);
    }

    void text(byte[] utf8) {
        ensure(4 + utf8.length);
        putInt(utf8.length);
        put(utf8);
    }

    void int8(long v) {
        ensure(12);
        putInt(8);
        putLong(v);
    }

    void int2(int v) {
        ensure(6);
        putInt(2);
        putShort(v);
    }

    void int2OrNull(Integer v) {
        if (v == null) {
            nul();
        } else {
            int2(v);
        }
    }

    void float8(double v) {
        int8(Double.doubleToRawLongBits(v));
    }

    void float4OrNull(Float v) {
        if (v == null) {
            nul();
            return;
        }
        ensure(8);
        putInt(4);
        putInt(Float.floatToRawIntBits(v));
    }

    void timestamptz(long epochMillis) {
        int8(epochMillis * 1000 - POSTGRES_EPOCH_MICROS);
    }

    private void nul() {
        ensure(4);
        putInt(NULL);
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
        }
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, length, b.length);
        length += b.length;
    }

    private void putShort(int v) {
        buf[length++] = (byte) (v >>> 8);
        buf[length++] = (byte) v;
    }

    private void putInt(int v) {
        buf[length++] = (byte) (v >>> 24);
        buf[length++] = (byte) (v >>> 16);
        buf[length++] = (byte) (v >>> 8);
        buf[length++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }
}

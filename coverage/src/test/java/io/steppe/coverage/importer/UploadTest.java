package io.steppe.coverage.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.steppe.coverage.sample.RowOutcome;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UploadTest {

    @Test
    void csvRowsAreNumberedByTheirLinesWithTheHeaderAndBlankLinesCounted() {
        Upload upload = Upload.csv(bytes("""
                timestamp,lat,lon,mcc,mnc,rat,rsrp
                2026-11-20T10:00:00+08:00,41.03,113.13,460,00,LTE,-98

                2026-11-20T10:00:01+08:00,91.5,113.13,460,00,LTE,-98
                """), "trace.csv", ZoneOffset.UTC);
        assertEquals("steppe-csv", upload.formatName());
        assertEquals("trace.csv", assertInstanceOf(RowOutcome.Accepted.class, upload.next()).sample().device());
        assertEquals(2, upload.line());
        assertInstanceOf(RowOutcome.Rejected.class, upload.next());
        assertEquals(4, upload.line());
        assertNull(upload.next());
    }

    @Test
    void jsonLinesAreNumberedAsSentAndRecordedAsSuch() {
        Upload upload = Upload.jsonLines(bytes("""
                {"timestamp": 1763604000000, "lat": 41.03, "lon": 113.13, "mcc": 460, "mnc": "00", "rat": "LTE", "rsrp": -98}
                not json
                """), "jl", ZoneOffset.UTC);
        assertEquals("json-lines", upload.formatName());
        assertInstanceOf(RowOutcome.Accepted.class, upload.next());
        assertEquals(1, upload.line());
        assertInstanceOf(RowOutcome.Rejected.class, upload.next());
        assertEquals(2, upload.line());
        assertNull(upload.next());
    }

    @Test
    void jsonLinesInAFileOrAnUploadLabelledAsTextAreReadAsJsonLines() {
        Upload upload = Upload.detect(bytes("""
                \uFEFF
                {"timestamp": 1763604000000, "lat": 41.03, "lon": 113.13, "mcc": 460, "mnc": "00", "rat": "LTE", "rsrp": -98}
                {"timestamp": 1763604000000, "lat": 91.5, "lon": 113.13, "mcc": 460, "mnc": "00", "rat": "LTE", "rsrp": -98}
                """), "samples.jsonl", ZoneOffset.UTC);
        assertEquals("json-lines", upload.formatName());
        assertInstanceOf(RowOutcome.Accepted.class, upload.next());
        assertEquals(2, upload.line());
        assertInstanceOf(RowOutcome.Rejected.class, upload.next());
        assertEquals(3, upload.line());
        assertEquals("steppe-csv", Upload.detect(bytes("timestamp,lat,lon,mcc,mnc,rat,rsrp\n"), "x", ZoneOffset.UTC).formatName());
    }

    @Test
    void anEmptyUploadIsRefusedForItsMissingHeader() {
        assertEquals("the file is empty: a header row is required",
                assertThrows(IllegalArgumentException.class, () -> Upload.csv(bytes(""), "x", ZoneOffset.UTC)).getMessage());
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}

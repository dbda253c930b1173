package io.steppe.coverage.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.steppe.coverage.sample.RowOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowTriageTest {

    private static final String HEADER = "timestamp,lat,lon,mcc,mnc,rat,rsrp,rsrq\n";
    private static final String STORED_BEFORE = "2026-11-20T10:00:02+08:00,41.03,113.13,460,00,LTE,-98,-11\n";

    @TempDir
    Path dir;

    /** Line 3 repeats line 2; the source holds line 5 from an earlier import. */
    @Test
    void onlyNewSamplesComeThroughAndEveryOtherRowIsCountedOrReported() throws IOException {
        FingerprintSet stored = new FingerprintSet();
        stored.add(RowFingerprint.of(((RowOutcome.Accepted) upload(HEADER + STORED_BEFORE).next()).sample()));
        String csv = HEADER
                + "2026-11-20T10:00:00+08:00,41.03,113.13,460,00,LTE,-98,-11\n"
                + "2026-11-20T10:00:00+08:00,41.03,113.13,460,00,LTE,-98,-11\n"
                + "2026-11-20T10:00:01+08:00,91.5,113.13,460,00,LTE,-98,-11\n"
                + STORED_BEFORE
                + "2026-11-20T10:00:03+08:00,41.03,113.13,460,00,LTE,-98,-25\n";
        ImportResult result;
        List<Long> newLines = new ArrayList<>();
        try (ImportReport report = ImportReport.create(dir, 1, "hand")) {
            ImportTally tally = new ImportTally(report);
            RowTriage rows = new RowTriage(upload(csv), stored, tally);
            while (rows.nextNew()) {
                assertEquals(RowFingerprint.of(rows.sample()), rows.fingerprint());
                newLines.add(rows.line());
            }
            result = tally.result(new ImportEntry(1, "hand", "steppe-csv", "t"));
        }
        assertEquals(List.of(2L, 6L), newLines);
        assertEquals(4, result.accepted());
        assertEquals(1, result.rejected());
        assertEquals(1, result.warned());
        assertEquals(List.of("line,outcome,reason", "4,rejected,\"lat 91.5 is outside -90…90\"",
                "6,warning,\"rsrq -25 is outside -20…-3; emptied\""), Files.readAllLines(result.report()));
    }

    private static Upload upload(String csv) {
        return Upload.csv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "hand.csv", ZoneOffset.UTC);
    }
}

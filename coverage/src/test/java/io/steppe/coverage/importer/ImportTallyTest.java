package io.steppe.coverage.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportTallyTest {

    @TempDir
    Path dir;

    /** The format took the row, PostgreSQL did not: in the counts and the report it is rejected, not accepted. */
    @Test
    void aRowPostgreSqlRefusedCountsAsRejectedOnItsLine() throws IOException {
        ImportResult result;
        try (ImportReport report = ImportReport.create(dir, 9, "drive/1")) {
            ImportTally tally = new ImportTally(report);
            for (int line = 2; line < 7; line++) {
                tally.accepted(line, line == 3 ? List.of("rsrq -25 is outside -20…-3; emptied", "sinr 55 is outside -20…40; emptied") : List.of());
            }
            tally.rejected(7, "missing rsrp");
            tally.written(new CopyBatch.Flushed(3, List.of(new CopyBatch.Refused(5, "device_id cannot be stored: invalid byte"))));
            tally.written(CopyBatch.Flushed.NOTHING);
            result = tally.result(new ImportEntry(9, "drive/1", "steppe-csv", "t"));
        }
        assertEquals(new ImportResult(9, "drive/1", "steppe-csv", 4, 3, 2, 1, dir.resolve("import-9-drive_1.csv"), result.touched()), result);
        assertEquals(1, result.duplicates());
        assertEquals(List.of("line,outcome,reason", "3,warning,\"rsrq -25 is outside -20…-3; emptied; sinr 55 is outside -20…40; emptied\"",
                "7,rejected,\"missing rsrp\"", "5,rejected,\"device_id cannot be stored: invalid byte\""), Files.readAllLines(result.report()));
    }
}

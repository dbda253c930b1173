package io.steppe.coverage.importer;

import static io.steppe.db.schema.Tables.AUDIT_LOG;
import static io.steppe.db.schema.Tables.COVERAGE_IMPORT;
import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.DriveLogs;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleImporterTest {

    @TempDir
    Path home;
    Database db;
    SampleImporter importer;

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(home);
        importer = new SampleImporter(db, CoverageConfig.defaults().withZone(ZoneOffset.UTC), H3Grid.load(),
                new MutableClock(Instant.parse("2026-11-26T08:00:00Z")), home.resolve("reports"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyRealDriveLogImportsWithExactCounts() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DriveLogs.dir())) {
            files = walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        assertEquals(65, files.size());
        long accepted = 0;
        long rejected = 0;
        long warned = 0;
        long added = 0;
        for (Path f : files) {
            ImportResult r = importer.importFile(f, DriveLogs.dir().relativize(f).toString(), "test");
            assertEquals("g-nettrack-pro", r.format());
            accepted += r.accepted();
            rejected += r.rejected();
            warned += r.warned();
            added += r.added();
        }
        // Counted independently of this code (a Python pass over the same files): 3 rows with the RSRP sentinel
        // −200, one with operator "0"; 945 LTE/5G rows with RSRQ or SNR outside the contract's range.
        assertEquals(119_158, accepted);
        assertEquals(4, rejected);
        assertEquals(945, warned);
        // 3,490 accepted rows repeat an earlier row of the same log exactly (1 Hz logging writes some seconds
        // twice); they are stored once. Independently counted too.
        assertEquals(115_668, added);
        assertEquals(added, (long) db.dsl().fetchCount(COVERAGE_SAMPLE));
        assertEquals(65, db.dsl().fetchCount(COVERAGE_IMPORT));
        assertEquals(0, db.dsl().fetchCount(COVERAGE_SAMPLE, COVERAGE_SAMPLE.OPERATOR.ne("27203")));
    }

    @Test
    void rejectedRowsAreReportedWithTheirLineAndReason() throws IOException {
        Path f = DriveLogs.dir().resolve("Download/Driving/B_2019.12.14_10.16.30.csv");
        ImportResult r = importer.importFile(f, null, "test");
        assertEquals(3, r.rejected());
        List<String> report = Files.readAllLines(r.report());
        assertEquals("line,outcome,reason", report.get(0));
        assertTrue(report.contains("560,rejected,\"RSRP -200 is outside -140…-44\""), report.toString());
        assertTrue(report.contains("562,rejected,\"RSRP -200 is outside -140…-44\""), report.toString());

        Path expanse = DriveLogs.dir().resolve("Amazon_Prime/Driving/Season3-TheExpanse/B_2019.12.03_13.58.03.csv");
        List<String> second = Files.readAllLines(importer.importFile(expanse, null, "test").report());
        assertTrue(second.contains("1851,rejected,\"unknown operator code: Operatorname '0'\""), second.toString());
    }

    @Test
    void reimportingTheSameLogAddsNothing() {
        Path f = DriveLogs.dir().resolve("Download/Driving/B_2019.12.14_10.16.30.csv");
        ImportResult first = importer.importFile(f, "cork-drive", "alice");
        ImportResult again = importer.importFile(f, "cork-drive", "alice");
        assertTrue(first.added() > 1000);
        assertEquals(first.accepted(), again.accepted());
        assertEquals(0, again.added());
        assertEquals(first.accepted(), again.duplicates());
        assertTrue(again.touched().isEmpty());
        assertEquals(first.added(), db.dsl().fetchCount(COVERAGE_SAMPLE));
        var recorded = db.dsl().selectFrom(COVERAGE_IMPORT).orderBy(COVERAGE_IMPORT.ID).fetch();
        assertEquals(2, recorded.size());
        assertEquals("alice", recorded.get(1).getActor());
        assertEquals(first.accepted(), recorded.get(1).getDuplicates());
        assertEquals(2, db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("coverage.import")));
    }

    @Test
    void aLogThatGrewAddsOnlyItsNewRows() throws IOException {
        Path f = DriveLogs.dir().resolve("Download/Driving/B_2019.12.14_10.16.30.csv");
        List<String> lines = Files.readAllLines(f);
        Path firstHalf = home.resolve("growing.csv");
        Files.write(firstHalf, lines.subList(0, lines.size() / 2));
        ImportResult first = importer.importFile(firstHalf, "growing", "alice");
        Files.write(firstHalf, lines);
        ImportResult whole = importer.importFile(firstHalf, "growing", "alice");
        ImportResult alone = new SampleImporter(db, CoverageConfig.defaults().withZone(ZoneOffset.UTC), H3Grid.load(),
                new MutableClock(Instant.parse("2026-11-26T08:00:00Z")), home.resolve("reports")).importFile(f, "elsewhere", "bob");
        assertEquals(alone.added(), first.added() + whole.added());
        assertEquals(first.added(), whole.duplicates() - (alone.accepted() - alone.added()));
        assertEquals(2 * alone.added(), db.dsl().fetchCount(COVERAGE_SAMPLE));
    }

    @Test
    void twoImportsOfOneSourceAtOnceStoreEachRowOnce() throws Exception {
        Path f = DriveLogs.dir().resolve("Download/Driving/B_2019.12.14_10.16.30.csv");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ImportResult>> both = pool.invokeAll(List.of(
                    () -> importer.importFile(f, "cork-drive", "alice"), () -> importer.importFile(f, "cork-drive", "bob")));
            ImportResult a = both.get(0).get();
            ImportResult b = both.get(1).get();
            assertEquals(a.accepted(), b.accepted());
            assertEquals(0, Math.min(a.added(), b.added()));
            assertEquals(Math.max(a.added(), b.added()), db.dsl().fetchCount(COVERAGE_SAMPLE));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void contractCsvRowsAreCheckedFieldByField() throws IOException {
        String csv = """
                device_id,timestamp,lat,lon,mcc,mnc,rat,rsrp,rsrq,sinr,dl_mbps,ul_mbps,extra
                p1,2026-11-20T10:00:00+08:00,41.03,113.13,460,00,LTE,-98,-11,12,,,x
                p1,1763604000000,41.03,113.13,460,01,LTE,-101,-25,12,,,x
                p2,2026-11-20T10:00:00+08:00,91.5,113.13,460,00,LTE,-98,-11,12,,,x
                p2,2026-11-20T10:00:00+08:00,41.03,113.13,460,00,LTE,-150,-11,12,,,x
                p2,yesterday,41.03,113.13,460,00,LTE,-98,-11,12,,,x
                p2,2026-11-20T10:00:00+08:00,41.03,113.13,460,99,LTE,-98,-11,12,,,x
                p3,2026-11-20T10:00:00+08:00,41.03,113.13,460,11,NONE,,,,,,x
                p3,2026-11-20T10:00:00+08:00,41.03,113.13,460,11,LTE,,,,,,x
                p3,2026-11-20T10:00:00+08:00,41.03,113.13,460,11,5G,-90,,,,,x
                p3,2026-11-20T10:00:00+08:00,41.03,113.13,460,11,LTE,-90,-10,55,3.5,0.5,x
                """;
        ImportResult r = importer.importStream(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "hand", "hand.csv", "t");
        assertEquals("steppe-csv", r.format());
        assertEquals(4, r.accepted());
        assertEquals(6, r.rejected());
        assertEquals(2, r.warned());
        List<String> report = Files.readAllLines(r.report());
        assertEquals(List.of("line,outcome,reason",
                "3,warning,\"rsrq -25 is outside -20…-3; emptied\"",
                "4,rejected,\"lat 91.5 is outside -90…90\"",
                "5,rejected,\"rsrp -150 is outside -140…-44\"",
                "6,rejected,\"timestamp 'yesterday' is neither ISO-8601 with an offset nor epoch milliseconds\"",
                "7,rejected,\"unknown operator code: 460-99 is not a Chinese network\"",
                "9,rejected,\"missing rsrp\"",
                "10,rejected,\"rat '5G' is not one of LTE, NR, UMTS, GSM, NONE\"",
                "11,warning,\"sinr 55 is outside -20…40; emptied\""), report);
        var warnedRow = db.dsl().selectFrom(COVERAGE_SAMPLE).where(COVERAGE_SAMPLE.OPERATOR.eq("46001")).fetchOne();
        assertNull(warnedRow.getRsrq());
        assertEquals(-101, warnedRow.getRsrp().intValue());
        assertEquals(Instant.ofEpochMilli(1763604000000L), warnedRow.getMeasuredAt().toInstant());
        // the no-service row is class none; the slow throughput test makes a fair signal bad
        assertEquals(3, db.dsl().fetchValue(COVERAGE_SAMPLE.CLASS, COVERAGE_SAMPLE.RAT.eq("NONE")).intValue());
        assertEquals(2, db.dsl().fetchValue(COVERAGE_SAMPLE.CLASS, COVERAGE_SAMPLE.DL_MBPS.isNotNull()).intValue());
    }

    @Test
    void aFileThatIsNoSampleLogIsRefusedWhole() {
        var in = new ByteArrayInputStream("name,population\nBayin,300\n".getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> importer.importStream(in, "x", "x", "t"));
        assertTrue(e.getMessage().startsWith("the header is neither"), e.getMessage());
        var noMnc = new ByteArrayInputStream("timestamp,lat,lon,mcc,rat\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("the header lacks the required column 'mnc'",
                assertThrows(IllegalArgumentException.class, () -> importer.importStream(noMnc, "x", "x", "t")).getMessage());
        assertEquals(0, db.dsl().fetchCount(COVERAGE_IMPORT));
    }

    @Test
    void aValuePostgreSqlWouldRefuseCostsOnlyItsOwnRowOrField() throws IOException {
        String csv = "timestamp,lat,lon,mcc,mnc,rat,rsrp,device_id\n"
                + "2026-11-20T10:00:00+08:00,41.03,113.13,460,00,LTE,-98,p1\n"
                + "2026-11-20T10:00:01+08:00,41.03,113.13,460,00,LTE,-98,p2\u0000; DROP TABLE coverage_sample\n"
                + "2026-11-20T10:00:02+08:00,41.0\u00003,113.13,460,00,LTE,-98,p3\n"
                + "2026-11-20T10:00:03+08:00,41.03,113.13,460,00,LTE,-98,p\u00074\n"
                + "2026-11-20T10:00:04+08:00,41.03,113.13,460,00,LTE,-98," + "d".repeat(100_000) + "\n"
                + "2026-11-20T10:00:05+08:00,41.03,113.13,460,00,LTE,-98,p6\n";
        ImportResult r = importer.importStream(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "hand", "hand.csv", "t");
        assertEquals(5, r.accepted(), "every row but the one whose latitude is unreadable");
        assertEquals(1, r.rejected());
        assertEquals(3, r.warned());
        List<String> report = Files.readAllLines(r.report());
        assertEquals("3,warning,\"device_id has the character U+0000 at position 3, which cannot be stored; emptied\"", report.get(1));
        assertEquals("4,rejected,\"lat '41.0\\u00003' is not a number\"", report.get(2));
        assertEquals("5,warning,\"device_id has the character U+0007 at position 2, which cannot be stored; emptied\"", report.get(3));
        assertEquals("6,warning,\"device_id is 100000 characters long, more than 200; emptied\"", report.get(4));
        assertEquals(List.of("hand.csv", "hand.csv", "hand.csv", "p1", "p6"),
                db.dsl().select(COVERAGE_SAMPLE.DEVICE).from(COVERAGE_SAMPLE).orderBy(COVERAGE_SAMPLE.DEVICE).fetch(COVERAGE_SAMPLE.DEVICE),
                "a device that cannot be stored is taken as the trace's, as when the row names none");
    }

    @Test
    void jsonLinesAreRecordedAsSuchAndNumberedAsTheyAreSent() throws IOException {
        String lines = """
                {"timestamp": 1763604000000, "lat": 41.03, "lon": 113.13, "mcc": 460, "mnc": "00", "rat": "LTE", "rsrp": -98}
                {"timestamp": 1763604001000, "lat": 91.5, "lon": 113.13, "mcc": 460, "mnc": "00", "rat": "LTE", "rsrp": -98}
                not json
                {"timestamp": 1763604002000, "lat": 41.03, "lon": 113.13, "mcc": 460, "mnc": "00", "rat": "LTE", "rsrp": -98, "device_id": "a\\u0000b"}
                """;
        ImportResult r = importer.importJsonLines(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), "jl", "jl", "t");
        assertEquals("json-lines", r.format());
        assertEquals("json-lines", db.dsl().fetchValue(COVERAGE_IMPORT.FORMAT));
        assertEquals(2, r.accepted());
        assertEquals(List.of("line,outcome,reason", "2,rejected,\"lat 91.5 is outside -90…90\"", "3,rejected,\"missing timestamp\"",
                "4,warning,\"device_id has the character U+0000 at position 2, which cannot be stored; emptied\""), Files.readAllLines(r.report()));
    }

    @Test
    void aSourceWithAControlCharacterIsRefusedBeforeAnythingIsStored() {
        var in = new ByteArrayInputStream("timestamp,lat,lon,mcc,mnc,rat\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("source must be 1 to 200 characters, none of them a control character",
                assertThrows(IllegalArgumentException.class, () -> importer.importStream(in, "drive\u0000", "x", "t")).getMessage());
        assertEquals(0, db.dsl().fetchCount(COVERAGE_IMPORT));
    }
}

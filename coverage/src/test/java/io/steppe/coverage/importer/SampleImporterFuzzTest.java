package io.steppe.coverage.importer;

import static io.steppe.db.schema.Tables.COVERAGE_SAMPLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.db.Database;
import io.steppe.db.MutableClock;
import io.steppe.db.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads, as CSV and as JSON lines, where random rows carry values PostgreSQL would refuse or that cannot be read
 * (a fixed seed, so a failure repeats): every good row is stored, every bad one is rejected or cleaned alone and
 * reported on its own line.
 */
class SampleImporterFuzzTest {

    private static final List<String> COLUMNS = List.of("timestamp", "lat", "lon", "mcc", "mnc", "rat", "rsrp", "rsrq", "device_id");
    private static final int ROWS = 250;
    private static final int ROUNDS = 6;
    /** Stands for the UTF-8 bytes of a lone surrogate, which no UTF-8 decoder accepts, until {@link #bytes} writes them. */
    private static final String INVALID_UTF8 = "\uE000";

    /** What a mutation does to its row. */
    enum Outcome { REJECTED, CLEANED, WARNED, STORED }

    record Mutation(Outcome outcome, BiConsumer<List<String>, Random> apply) {
    }

    private static final List<Mutation> MUTATIONS = List.of(
            new Mutation(Outcome.REJECTED, (f, r) -> f.set(1, "41.0\u00003")),
            new Mutation(Outcome.REJECTED, (f, r) -> f.set(2, "11\u00003.1")),
            new Mutation(Outcome.REJECTED, (f, r) -> f.set(0, "17636\u00000400000")),
            new Mutation(Outcome.REJECTED, (f, r) -> f.set(3, "4\u000060")),
            new Mutation(Outcome.REJECTED, (f, r) -> f.set(5, "L\u0000TE")),
            new Mutation(Outcome.REJECTED, (f, r) -> f.set(6, "-9\u0001" + r.nextInt(10))),
            new Mutation(Outcome.REJECTED, (f, r) -> f.set(1, "91")),
            new Mutation(Outcome.REJECTED, (f, r) -> f.set(0, "9".repeat(5_000 + r.nextInt(5_000)))),
            new Mutation(Outcome.REJECTED, (f, r) -> f.subList(3, f.size()).clear()),
            new Mutation(Outcome.CLEANED, (f, r) -> f.set(8, "d\u0000" + r.nextInt())),
            new Mutation(Outcome.CLEANED, (f, r) -> f.set(8, "d\u001b[31m" + r.nextInt())),
            new Mutation(Outcome.CLEANED, (f, r) -> f.set(8, "d".repeat(201 + r.nextInt(1_000)))),
            new Mutation(Outcome.WARNED, (f, r) -> f.set(7, "-" + (21 + r.nextInt(100)))),
            new Mutation(Outcome.STORED, (f, r) -> f.set(8, f.get(8) + INVALID_UTF8)));

    @Test
    void everyGoodRowIsStoredAndEveryBadOneCostsOnlyItself(@TempDir Path home) throws IOException {
        try (Database db = TestDatabases.freshMigrated(home)) {
            SampleImporter importer = new SampleImporter(db, CoverageConfig.defaults().withZone(ZoneOffset.UTC), H3Grid.load(),
                    new MutableClock(Instant.parse("2026-11-26T08:00:00Z")), home.resolve("reports"));
            Random random = new Random(21);
            for (int round = 0; round < ROUNDS; round++) {
                boolean jsonLines = round % 2 == 1;
                String source = "fuzz-" + round;
                ByteArrayOutputStream upload = new ByteArrayOutputStream();
                if (!jsonLines) {
                    upload.writeBytes((String.join(",", COLUMNS) + "\n").getBytes(StandardCharsets.UTF_8));
                }
                Set<String> stored = new HashSet<>();
                Set<Long> rejectedLines = new HashSet<>();
                Set<Long> warnedLines = new HashSet<>();
                int cleaned = 0;
                for (int i = 0; i < ROWS; i++) {
                    long line = jsonLines ? i + 1 : i + 2;
                    List<String> fields = good(random, round, i);
                    if (random.nextInt(3) == 0) {
                        Mutation m = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
                        fields.set(8, "b" + round + "-" + i);
                        m.apply().accept(fields, random);
                        switch (m.outcome()) {
                            case REJECTED -> rejectedLines.add(line);
                            case CLEANED -> {
                                warnedLines.add(line);
                                cleaned++;
                            }
                            case WARNED -> {
                                warnedLines.add(line);
                                stored.add("b" + round + "-" + i);
                            }
                            case STORED -> stored.add("b" + round + "-" + i + "\uFFFD");
                        }
                    } else {
                        stored.add(fields.get(8));
                    }
                    upload.writeBytes(jsonLines ? jsonLine(fields) : csvLine(fields));
                }
                ImportResult r = jsonLines ? importer.importJsonLines(new ByteArrayInputStream(upload.toByteArray()), source, source, "t")
                        : importer.importStream(new ByteArrayInputStream(upload.toByteArray()), source, source, "t");
                assertEquals(rejectedLines.size(), r.rejected(), source);
                assertEquals(ROWS - rejectedLines.size(), r.accepted(), source);
                assertEquals(warnedLines.size(), r.warned(), source);
                List<String> devices = db.dsl().select(COVERAGE_SAMPLE.DEVICE).from(COVERAGE_SAMPLE)
                        .where(COVERAGE_SAMPLE.IMPORT_ID.eq(r.importId())).fetch(COVERAGE_SAMPLE.DEVICE);
                assertEquals(cleaned, devices.stream().filter(source::equals).count(), "cleaned rows are kept under the trace");
                Set<String> named = new HashSet<>();
                devices.stream().filter(d -> !d.equals(source)).forEach(d -> named.add(d.replaceAll("\uFFFD+", "\uFFFD")));
                assertEquals(stored, named, source + ": every good row, and only those, under its own device");
                for (String report : Files.readAllLines(r.report()).subList(1, (int) (1 + r.rejected() + r.warned()))) {
                    long line = Long.parseLong(report.substring(0, report.indexOf(',')));
                    assertTrue(report.contains(",rejected,") ? rejectedLines.contains(line) : warnedLines.contains(line), source + ": " + report);
                }
            }
        }
    }

    private static List<String> good(Random random, int round, int i) {
        return new ArrayList<>(List.of(Long.toString(1_763_604_000_000L + round * 1_000_000L + i * 1_000L),
                String.format(Locale.ROOT, "%.6f", 41.0 + random.nextDouble() / 10), String.format(Locale.ROOT, "%.6f", 113.0 + random.nextDouble() / 10),
                "460", List.of("00", "01", "11").get(random.nextInt(3)), "LTE", Integer.toString(-60 - random.nextInt(60)), "-10",
                "g" + round + "-" + i));
    }

    private static byte[] csvLine(List<String> fields) {
        return bytes(String.join(",", fields) + "\n");
    }

    private static byte[] jsonLine(List<String> fields) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < fields.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(COLUMNS.get(i)).append("\":\"");
            String v = fields.get(i);
            for (int c = 0; c < v.length(); c++) {
                char ch = v.charAt(c);
                json.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
            json.append('"');
        }
        return bytes(json.append("}\n").toString());
    }

    /** UTF-8, except that {@link #INVALID_UTF8} becomes the bytes of a lone surrogate. */
    private static byte[] bytes(String text) {
        String[] parts = text.split(INVALID_UTF8, -1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
            }
            out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}

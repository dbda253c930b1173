package io.steppe.coverage.importer;

import static io.steppe.db.schema.Tables.COVERAGE_IMPORT;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.sample.CsvLine;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.coverage.sample.RowOutcome;
import io.steppe.coverage.sample.Sample;
import io.steppe.coverage.sample.SampleClassifier;
import io.steppe.coverage.sample.SampleFormat;
import io.steppe.db.AuditLog;
import io.steppe.db.Database;
import io.steppe.db.schema.Indexes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.exception.DataAccessException;

/**
 * Imports a sample log: streamed line by line (a ten-million-row file never sits in memory), each row checked,
 * copied in batches of {@link #BATCH} rows, the next batch parsed while the last one is written. A row whose
 * fingerprint the source already holds is counted as a duplicate and not copied; imports of one source take
 * turns, so two of them cannot both store a row. Rows rejected or with an optional field emptied go to a report in
 * {@code reportDir}; the import itself is recorded in {@code coverage_import} and the audit log.
 */
public final class SampleImporter {

    static final int BATCH = 50_000;

    private final Database database;
    private final CoverageConfig config;
    private final H3Grid grid;
    private final Clock clock;
    private final Path reportDir;
    private final SampleClassifier classifier;

    public SampleImporter(Database database, CoverageConfig config, H3Grid grid, Clock clock, Path reportDir) {
        this.database = database;
        this.config = config;
        this.grid = grid;
        this.clock = clock;
        this.reportDir = reportDir;
        this.classifier = new SampleClassifier(config.signal());
    }

    /** Imports a file; {@code source} defaults to its name, which is also the trace of rows naming no device. */
    public ImportResult importFile(Path file, String source, String actor) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            String trace = file.getFileName().toString();
            return importStream(in, source == null ? trace : source, trace, actor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public ImportResult importStream(InputStream in, String source, String trace, String actor) {
        if (source == null || source.isBlank() || source.length() > 200) {
            throw new IllegalArgumentException("source must be 1 to 200 characters");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String header = readLine(reader);
        if (header == null) {
            throw new IllegalArgumentException("the file is empty: a header row is required");
        }
        CsvLine csv = CsvLine.forHeader(header);
        SampleFormat format = SampleFormat.detect(csv.split(header), trace, config.zone());
        long importId = database.dsl().insertInto(COVERAGE_IMPORT)
                .set(COVERAGE_IMPORT.SOURCE, source).set(COVERAGE_IMPORT.FORMAT, format.name())
                .set(COVERAGE_IMPORT.ACTOR, actor).set(COVERAGE_IMPORT.STARTED_AT, now())
                .returning(COVERAGE_IMPORT.ID).fetchOne().getId();
        Path reportPath = reportDir.resolve("import-" + importId + "-" + source.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv");
        TouchedCells touched = new TouchedCells();
        long accepted = 0;
        long added = 0;
        long rejected = 0;
        long warned = 0;
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "coverage-copy"));
        try (ImportReport report = new ImportReport(reportPath); Connection connection = database.dataSource().getConnection();
             SourceLock lock = SourceLock.take(connection, source)) {
            FingerprintSet seen = StoredFingerprints.of(connection, source, importId);
            // two batches: one is parsed here while the other is copied on the writer thread
            CopyBatch[] batches = {new CopyBatch(connection, importId), new CopyBatch(connection, importId)};
            int current = 0;
            Future<Long> inFlight = null;
            long line = 1;
            String text;
            while ((text = readLine(reader)) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                RowOutcome outcome = format.read(csv.split(text));
                if (outcome instanceof RowOutcome.Rejected r) {
                    report.rejected(line, r.reason());
                    rejected++;
                    continue;
                }
                RowOutcome.Accepted a = (RowOutcome.Accepted) outcome;
                if (!a.warnings().isEmpty()) {
                    report.warned(line, String.join("; ", a.warnings()));
                    warned++;
                }
                Sample s = a.sample();
                accepted++;
                long fingerprint = RowFingerprint.of(s);
                if (!seen.add(fingerprint)) {
                    continue; // stored by an earlier import of the source, or earlier in this file (1 Hz logs repeat rows)
                }
                long r9 = grid.cell(s.latitude(), s.longitude(), H3Grid.DETAIL);
                batches[current].add(s, fingerprint, classifier.classify(s).ordinal(), r9,
                        grid.parent(r9, H3Grid.DECISION), grid.parent(r9, H3Grid.OVERVIEW));
                if (batches[current].size() >= BATCH) {
                    added += written(inFlight);
                    CopyBatch full = batches[current];
                    inFlight = writer.submit(() -> full.flush(touched));
                    current ^= 1;
                }
            }
            added += written(inFlight);
            added += batches[current].flush(touched);
        } catch (SQLException | IOException e) {
            throw new DataAccessException("import of " + source + " failed after " + added + " new rows were stored: "
                    + e.getMessage(), e instanceof SQLException s ? s : null);
        } finally {
            writer.shutdownNow();
        }
        if (added > 0) {
            BrinSummaries.summariseNew(database.dsl(), Indexes.COVERAGE_SAMPLE_MEASURED_BRIN);
        }
        if (added >= BrinSummaries.ANALYZE_AFTER) {
            BrinSummaries.analyse(database.dsl());
        }
        long a = accepted;
        long n = added;
        long r = rejected;
        long w = warned;
        database.dsl().transaction(c -> {
            c.dsl().update(COVERAGE_IMPORT).set(COVERAGE_IMPORT.FINISHED_AT, now()).set(COVERAGE_IMPORT.ACCEPTED, a)
                    .set(COVERAGE_IMPORT.DUPLICATES, a - n).set(COVERAGE_IMPORT.REJECTED, r).set(COVERAGE_IMPORT.WARNED, w)
                    .set(COVERAGE_IMPORT.REPORT_PATH, reportPath.toString()).where(COVERAGE_IMPORT.ID.eq(importId)).execute();
            AuditLog.record(c.dsl(), actor, "coverage.import", source, Map.of("import", importId, "format", format.name(),
                    "accepted", a, "new", n, "rejected", r, "warned", w));
        });
        return new ImportResult(importId, source, format.name(), accepted, added, rejected, warned, reportPath, touched);
    }

    /** Waits for the batch being written; its rows count only once committed. */
    private static long written(Future<Long> batch) throws SQLException, IOException {
        if (batch == null) {
            return 0;
        }
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while a batch was written", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("writing a batch failed", e.getCause());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload: " + e.getMessage(), e);
        }
    }
}

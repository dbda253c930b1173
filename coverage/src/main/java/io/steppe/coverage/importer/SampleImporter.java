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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a sample log: streamed line by line (a ten-million-row file never sits in memory), each row checked,
 * copied in batches of {@link #BATCH} rows, the next batch parsed while the last one is written. A row whose
 * fingerprint the source already holds is counted as a duplicate and not copied; imports of one source take
 * turns, so two of them cannot both store a row. Rows rejected or with an optional field emptied go to a report in
 * {@code reportDir}; the import itself is recorded in {@code coverage_import} and the audit log.
 */
public final class SampleImporter {

    static final int BATCH = 50_000;
    private static final String JSON_LINES = "json-lines";
    private static final Logger LOG = LoggerFactory.getLogger(SampleImporter.class);

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

    /** Imports the contract CSV or a G-NetTrack Pro log, told apart by the header. */
    public ImportResult importStream(InputStream in, String source, String trace, String actor) {
        return importUpload(in, source, trace, actor, Optional.empty());
    }

    /** Imports samples as JSON lines, one object a line with the contract CSV's fields; rows are numbered as the JSON lines. */
    public ImportResult importJsonLines(InputStream in, String source, String trace, String actor) {
        return importUpload(JsonLines.asCsv(in), source, trace, actor, Optional.of(JSON_LINES));
    }

    /**
     * @param jsonLines the name to record when {@code in} is JSON lines turned into the contract CSV, whose header
     *                  line is not in the upload
     */
    private ImportResult importUpload(InputStream in, String source, String trace, String actor, Optional<String> jsonLines) {
        if (source == null || source.isBlank() || source.length() > 200 || source.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("source must be 1 to 200 characters, none of them a control character");
        }
        try {
            return importRows(in, source, trace, actor, jsonLines.isPresent() ? 0 : 1, jsonLines);
        } catch (DataAccessException e) {
            LOG.warn("Import of {} failed: {}", source, e.getMessage());
            throw new ImportFailedException("the import of '" + source + "' failed: the database could not take it; try again"
                    + " (rows already stored are recognised and not stored twice)");
        }
    }

    private ImportResult importRows(InputStream in, String source, String trace, String actor, long headerLine,
                                    Optional<String> jsonLinesName) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String header = readLine(reader);
        if (header == null) {
            throw new IllegalArgumentException("the file is empty: a header row is required");
        }
        CsvLine csv = CsvLine.forHeader(header);
        SampleFormat format = SampleFormat.detect(csv.split(header), trace, config.zone());
        String formatName = jsonLinesName.orElse(format.name());
        long importId = database.dsl().insertInto(COVERAGE_IMPORT)
                .set(COVERAGE_IMPORT.SOURCE, source).set(COVERAGE_IMPORT.FORMAT, formatName)
                .set(COVERAGE_IMPORT.ACTOR, actor).set(COVERAGE_IMPORT.STARTED_AT, now())
                .returning(COVERAGE_IMPORT.ID).fetchOne().getId();
        Path reportPath = reportDir.resolve("import-" + importId + "-" + source.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv");
        TouchedCells touched = new TouchedCells();
        long accepted = 0;
        long added = 0;
        long rejected = 0;
        long warned = 0;
        long refusedByDatabase = 0;
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "coverage-copy"));
        try (ImportReport report = new ImportReport(reportPath); Connection connection = database.dataSource().getConnection();
             SourceLock lock = SourceLock.take(connection, source)) {
            FingerprintSet seen = StoredFingerprints.of(connection, source, importId);
            // two batches: one is parsed here while the other is copied on the writer thread
            CopyBatch[] batches = {new CopyBatch(connection, importId), new CopyBatch(connection, importId)};
            int current = 0;
            Future<CopyBatch.Flushed> inFlight = null;
            long line = headerLine;
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
                batches[current].add(s, line, fingerprint, classifier.classify(s).ordinal(), r9,
                        grid.parent(r9, H3Grid.DECISION), grid.parent(r9, H3Grid.OVERVIEW));
                if (batches[current].size() >= BATCH) {
                    CopyBatch.Flushed done = written(inFlight);
                    added += done.copied();
                    refusedByDatabase += reportRefused(done, report);
                    CopyBatch full = batches[current];
                    inFlight = writer.submit(() -> full.flush(touched));
                    current ^= 1;
                }
            }
            for (CopyBatch.Flushed done : List.of(written(inFlight), batches[current].flush(touched))) {
                added += done.copied();
                refusedByDatabase += reportRefused(done, report);
            }
        } catch (SQLException | IOException e) {
            LOG.warn("Import {} of {} failed after {} new rows were stored: {}", importId, source, added, e.getMessage());
            throw new ImportFailedException("the import of '" + source + "' stopped after " + added + " new rows were stored:"
                    + " the database did not take the rest; import the file again (rows already stored are recognised)");
        } finally {
            writer.shutdownNow();
        }
        if (added > 0) {
            BrinSummaries.summariseNew(database.dsl(), Indexes.COVERAGE_SAMPLE_MEASURED_BRIN);
        }
        if (added >= BrinSummaries.ANALYZE_AFTER) {
            BrinSummaries.analyse(database.dsl());
        }
        long a = accepted - refusedByDatabase;
        long n = added;
        long r = rejected + refusedByDatabase;
        long w = warned;
        database.dsl().transaction(c -> {
            c.dsl().update(COVERAGE_IMPORT).set(COVERAGE_IMPORT.FINISHED_AT, now()).set(COVERAGE_IMPORT.ACCEPTED, a)
                    .set(COVERAGE_IMPORT.DUPLICATES, a - n).set(COVERAGE_IMPORT.REJECTED, r).set(COVERAGE_IMPORT.WARNED, w)
                    .set(COVERAGE_IMPORT.REPORT_PATH, reportPath.toString()).where(COVERAGE_IMPORT.ID.eq(importId)).execute();
            AuditLog.record(c.dsl(), actor, "coverage.import", source, Map.of("import", importId, "format", formatName,
                    "accepted", a, "new", n, "rejected", r, "warned", w));
        });
        return new ImportResult(importId, source, formatName, a, n, r, w, reportPath, touched);
    }

    /** Reports the rows of a batch that PostgreSQL refused, with their lines; returns how many. */
    private static int reportRefused(CopyBatch.Flushed done, ImportReport report) {
        done.refused().forEach(row -> report.rejected(row.line(), row.reason()));
        return done.refused().size();
    }

    /** Waits for the batch being written; its rows count only once committed. */
    private static CopyBatch.Flushed written(Future<CopyBatch.Flushed> batch) throws SQLException, IOException {
        if (batch == null) {
            return new CopyBatch.Flushed(0, List.of());
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
            throw new IOException("writing a batch failed: " + e.getCause(), e.getCause());
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

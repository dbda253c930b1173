package io.steppe.coverage.importer;

import io.steppe.coverage.CoverageConfig;
import io.steppe.coverage.sample.H3Grid;
import io.steppe.coverage.sample.SampleClassifier;
import io.steppe.db.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a sample log: streamed row by row, each row checked, the new ones copied in batches while the next batch
 * is read (see {@link CopyPipeline}). A row whose fingerprint the source already holds is counted as a duplicate
 * and not copied; imports of one source take turns ({@link SourceLock}), so two of them cannot both store a row.
 * Rows rejected or with an optional field emptied go to a report in {@code reportDir}; the import itself is
 * recorded in {@code coverage_import} and the audit log.
 */
public final class SampleImporter {

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

    /** Imports the contract CSV or a G-NetTrack Pro log, told apart by the header, or JSON lines, told by their first brace. */
    public ImportResult importStream(InputStream in, String source, String trace, String actor) {
        checkSource(source);
        return importUpload(Upload.detect(in, trace, config.zone()), source, actor);
    }

    /** Imports samples as JSON lines, one object a line with the contract CSV's fields; rows are numbered as the JSON lines. */
    public ImportResult importJsonLines(InputStream in, String source, String trace, String actor) {
        checkSource(source);
        return importUpload(Upload.jsonLines(in, trace, config.zone()), source, actor);
    }

    private static void checkSource(String source) {
        if (source == null || source.isBlank() || source.length() > 200 || source.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("source must be 1 to 200 characters, none of them a control character");
        }
    }

    private ImportResult importUpload(Upload upload, String source, String actor) {
        try {
            ImportEntry entry = ImportEntry.start(database.dsl(), source, upload.formatName(), actor, now());
            ImportTally tally;
            try (ImportReport report = ImportReport.create(reportDir, entry.id(), source)) {
                tally = new ImportTally(report);
                storeNewRows(upload, entry.id(), source, tally);
            }
            BrinSummaries.afterImport(database.dsl(), tally.added());
            ImportResult result = tally.result(entry);
            entry.finish(database.dsl(), result, now());
            return result;
        } catch (DataAccessException e) {
            LOG.warn("Import of {} failed: {}", source, e.getMessage());
            throw new ImportFailedException("the import of '" + source + "' failed: the database could not take it; try again"
                    + " (rows already stored are recognised and not stored twice)");
        }
    }

    /** Holds the source's lock from before its stored fingerprints are read until the last new row is stored. */
    @SuppressWarnings("try") // the lock is held by its scope alone
    private void storeNewRows(Upload upload, long importId, String source, ImportTally tally) {
        try (Connection connection = database.dataSource().getConnection();
             SourceLock lock = SourceLock.take(connection, source);
             CopyPipeline copies = new CopyPipeline(connection, importId, grid, classifier, tally)) {
            RowTriage rows = new RowTriage(upload, StoredFingerprints.of(connection, source, importId), tally);
            while (rows.nextNew()) {
                copies.add(rows.sample(), rows.line(), rows.fingerprint());
            }
            copies.finish();
        } catch (SQLException | IOException e) {
            LOG.warn("Import {} of {} failed after {} new rows were stored: {}", importId, source, tally.added(), e.getMessage());
            throw new ImportFailedException("the import of '" + source + "' stopped after " + tally.added() + " new rows were stored:"
                    + " the database did not take the rest; import the file again (rows already stored are recognised)");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

package io.steppe.coverage.importer;

import java.util.List;

/**
 * What became of each row of one import, counted as it happens; the rows rejected or warned about go to the report,
 * each on its line. A row PostgreSQL refused was accepted by the format first: it counts as rejected, not accepted.
 */
final class ImportTally {

    private final ImportReport report;
    private final TouchedCells touched = new TouchedCells();
    private long accepted;
    private long added;
    private long rejected;
    private long warned;
    private long refusedByDatabase;

    ImportTally(ImportReport report) {
        this.report = report;
    }

    void rejected(long line, String reason) {
        report.rejected(line, reason);
        rejected++;
    }

    /** A row the format accepted, perhaps with optional fields emptied, each for one of {@code warnings}. */
    void accepted(long line, List<String> warnings) {
        if (!warnings.isEmpty()) {
            report.warned(line, String.join("; ", warnings));
            warned++;
        }
        accepted++;
    }

    /** A batch copied: its rows stored count as new, those PostgreSQL refused as rejected on their lines. */
    void written(CopyBatch.Flushed batch) {
        added += batch.copied();
        for (CopyBatch.Refused row : batch.refused()) {
            report.rejected(row.line(), row.reason());
        }
        refusedByDatabase += batch.refused().size();
    }

    /** Where the batches record the cells of the rows they store. */
    TouchedCells touched() {
        return touched;
    }

    /** The new rows stored so far. */
    long added() {
        return added;
    }

    ImportResult result(ImportEntry entry) {
        return new ImportResult(entry.id(), entry.source(), entry.format(), accepted - refusedByDatabase, added,
                rejected + refusedByDatabase, warned, report.path(), touched);
    }
}

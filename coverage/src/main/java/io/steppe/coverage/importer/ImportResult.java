package io.steppe.coverage.importer;

import java.nio.file.Path;

/**
 * What one import did.
 *
 * @param accepted   valid rows (some may have had an optional field emptied)
 * @param added      accepted rows that were new; the rest had been imported before under the same source
 * @param rejected   rows refused, each in the report with its line number and reason
 * @param warned     accepted rows with an optional field emptied, each in the report
 * @param touched    the cells the new rows fell into
 */
public record ImportResult(long importId, String source, String format, long accepted, long added, long rejected,
                           long warned, Path report, TouchedCells touched) {

    public long duplicates() {
        return accepted - added;
    }

    /** One line for people. */
    public String summary() {
        return "accepted " + accepted + " (" + added + " new, " + duplicates() + " already imported), rejected " + rejected
                + ", warned " + warned + "; report: " + report;
    }
}

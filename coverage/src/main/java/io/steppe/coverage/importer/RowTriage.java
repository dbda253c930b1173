package io.steppe.coverage.importer;

import io.steppe.coverage.sample.RowOutcome;
import io.steppe.coverage.sample.Sample;

/**
 * Sorts the rows of an upload into rejected, accepted and, of the accepted, those already stored: a row whose
 * fingerprint the source holds (from an earlier import, or earlier in this file: 1 Hz logs repeat rows) is a
 * duplicate and goes no further. Steps from one new sample to the next, like a cursor, so that a row costs no
 * object of its own on the way.
 */
final class RowTriage {

    private final Upload upload;
    private final FingerprintSet seen;
    private final ImportTally tally;
    private Sample sample;
    private long fingerprint;

    /** @param seen the fingerprints the source holds; each new row's is added */
    RowTriage(Upload upload, FingerprintSet seen, ImportTally tally) {
        this.upload = upload;
        this.seen = seen;
        this.tally = tally;
    }

    /** Moves to the next new sample, counting the rows passed on the way; false at the end of the upload. */
    boolean nextNew() {
        RowOutcome outcome;
        while ((outcome = upload.next()) != null) {
            if (outcome instanceof RowOutcome.Rejected r) {
                tally.rejected(upload.line(), r.reason());
                continue;
            }
            RowOutcome.Accepted a = (RowOutcome.Accepted) outcome;
            tally.accepted(upload.line(), a.warnings());
            long f = RowFingerprint.of(a.sample());
            if (seen.add(f)) {
                sample = a.sample();
                fingerprint = f;
                return true;
            }
        }
        return false;
    }

    Sample sample() {
        return sample;
    }

    long fingerprint() {
        return fingerprint;
    }

    /** The line of the upload the sample was read from. */
    long line() {
        return upload.line();
    }
}

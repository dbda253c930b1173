package io.steppe.coverage;

import io.steppe.coverage.importer.ImportResult;

/**
 * What the coverage module counts: imports and their rows, and the time the cells and gap regions take to follow them.
 * The launcher supplies a Prometheus implementation; the module never imports a metrics library, and {@link #NONE}
 * serves the commands and tests that do not look.
 */
public interface CoverageMetrics {

    /** What an import of samples came to. */
    enum Outcome {
        /** Stored, and the cells it touched updated. */
        DONE,
        /** Refused as a whole for the upload's sake (a bad source name, an unreadable format, a body that broke off). */
        REFUSED,
        /** Stopped for the database's sake, or its cells could not be updated. */
        FAILED
    }

    /** How much was recomputed. */
    enum Aggregation { UPDATE, REBUILD }

    CoverageMetrics NONE = new CoverageMetrics() {
    };

    /** An import ended with {@code outcome}; {@code result} is present when its rows were stored. */
    default void imported(Outcome outcome, java.util.Optional<ImportResult> result) {
    }

    /** Cells and gap regions were recomputed in {@code seconds}. */
    default void aggregated(Aggregation kind, double seconds) {
    }
}

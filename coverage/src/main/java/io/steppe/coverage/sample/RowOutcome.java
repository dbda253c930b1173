package io.steppe.coverage.sample;

import java.util.List;

/** What one log row turned into: a sample (perhaps with emptied optional fields) or a reason to reject it. */
public sealed interface RowOutcome {

    record Accepted(Sample sample, List<String> warnings) implements RowOutcome {
    }

    record Rejected(String reason) implements RowOutcome {
    }
}

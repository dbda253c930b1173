package io.steppe.db.retention;

import java.time.Instant;

/** One ranged partition: it holds the rows whose key is at or after {@code from} and before {@code to}. */
record MonthPartition(String name, Instant from, Instant to) {

    boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}

package io.steppe.db.retention;

/** What retention reports to monitoring; the default reports nothing. */
public interface RetentionMetrics {

    RetentionMetrics NONE = table -> { };

    /** A month's partition of {@code table} was dropped. */
    void partitionDropped(String table);
}

/**
 * Retention by partition: the tables kept for the retention window are partitioned by month, and
 * {@link io.steppe.db.retention.PartitionMaintenance} makes the months ahead and drops, whole and audited, the months
 * wholly past the window.
 */
package io.steppe.db.retention;

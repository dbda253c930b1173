/**
 * Streaming import of sample logs into PostgreSQL: rows are read one at a time, checked, written to a report
 * when rejected or emptied, and copied in batches with {@code COPY}; a row already imported under the same
 * source is skipped by its fingerprint.
 */
package io.steppe.coverage.importer;

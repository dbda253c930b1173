-- Bulk import without random B-tree inserts. Measured on 1,000,000 rows (docs/BENCHMARKS.md, Coverage): COPY into
-- coverage_sample took ~3 s with no index, ~14 s with the (source, fingerprint) key and ~18 s with the
-- (operator, h3_r8, measured_at) index as well (each random insert dirties a B-tree page that the WAL then carries
-- whole after every checkpoint); the foreign key on import_id added ~4 s more (a look-up per row).
--
-- Re-imports are still idempotent: the importer loads the fingerprints already stored under the source and leaves
-- those rows out, and imports of one source take turns (an advisory lock), so no key is needed. Samples arrive
-- roughly in time order and import by import, so BRIN summaries on those two columns find a period's or an
-- import's rows for a few kilobytes of index.

ALTER TABLE coverage_sample DROP CONSTRAINT coverage_sample_pkey;
DROP INDEX coverage_sample_cell_idx;
DROP TABLE coverage_sample_staging;

CREATE INDEX coverage_sample_measured_brin ON coverage_sample USING brin (measured_at);
CREATE INDEX coverage_sample_import_brin ON coverage_sample USING brin (import_id);

-- The regular expression cost as much per row as the COPY itself; the importer accepts only known MCC-MNC codes.
ALTER TABLE coverage_sample DROP CONSTRAINT coverage_sample_operator_check;
ALTER TABLE coverage_sample ADD CONSTRAINT coverage_sample_operator_check CHECK (length(operator) BETWEEN 5 AND 6);

-- Checked once per row, the reference cost more than the COPY; the importer writes only the id of the import it
-- has just recorded.
ALTER TABLE coverage_sample DROP CONSTRAINT coverage_sample_import_id_fkey;

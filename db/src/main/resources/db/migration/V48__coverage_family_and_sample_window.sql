-- Cells are judged as a family: each judged cell keeps its one-sided binomial p-value, whether it passed its own
-- test (bad share and spread), and, when it might survive the Benjamini-Hochberg correction, its adjusted p-value
-- (q-value). A gap region says how sure it is.
ALTER TABLE coverage_cell ADD COLUMN p_value double precision;
ALTER TABLE coverage_cell ADD COLUMN q_value double precision;
ALTER TABLE coverage_cell ADD COLUMN candidate boolean NOT NULL DEFAULT false;
-- the family's correction reads only the cells with small p-values of one operator and resolution
CREATE INDEX coverage_cell_p_value_idx ON coverage_cell (operator, resolution, p_value) WHERE p_value IS NOT NULL;

ALTER TABLE coverage_gap ADD COLUMN confidence text NOT NULL DEFAULT 'medium' CHECK (confidence IN ('high', 'medium'));
ALTER TABLE coverage_gap ADD COLUMN q_value double precision;

-- Samples older than the window (STEPPE_COVERAGE_WINDOW_DAYS) stop counting and are dropped a month at a time:
-- coverage_sample is partitioned by the month (UTC) of measured_at. There is no default partition: the importer
-- makes a month's partition before copying its first row, so a partition of a month never holds a stray row that
-- would keep it from being made.
ALTER TABLE coverage_sample RENAME TO coverage_sample_unpartitioned;
ALTER INDEX coverage_sample_measured_brin RENAME TO coverage_sample_unpartitioned_measured_brin;
ALTER INDEX coverage_sample_import_brin RENAME TO coverage_sample_unpartitioned_import_brin;
CREATE TABLE coverage_sample (LIKE coverage_sample_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY RANGE (measured_at);
CREATE INDEX coverage_sample_measured_brin ON coverage_sample USING brin (measured_at);
CREATE INDEX coverage_sample_import_brin ON coverage_sample USING brin (import_id);

-- Makes the monthly partitions (coverage_sample_yYYYYmMM) of every month from the one of first_at to the one of
-- last_at; partitions that exist are left alone. Imports of several sources may ask at once: they take turns.
CREATE FUNCTION ensure_coverage_sample_partitions(first_at timestamptz, last_at timestamptz) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    m timestamp := date_trunc('month', first_at AT TIME ZONE 'UTC');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('coverage_sample_partitions'));
    WHILE m <= last_at AT TIME ZONE 'UTC' LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF coverage_sample FOR VALUES FROM (%L) TO (%L)',
                       'coverage_sample_y' || to_char(m, 'YYYY') || 'm' || to_char(m, 'MM'),
                       m AT TIME ZONE 'UTC', (m + interval '1 month') AT TIME ZONE 'UTC');
        m := m + interval '1 month';
    END LOOP;
END $$;

SELECT ensure_coverage_sample_partitions(min(measured_at), max(measured_at)) FROM coverage_sample_unpartitioned
    HAVING count(*) > 0;
INSERT INTO coverage_sample SELECT * FROM coverage_sample_unpartitioned;
DROP TABLE coverage_sample_unpartitioned;

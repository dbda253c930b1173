-- A sample's source is its import's (coverage_import.source, through import_id); since V21 nothing reads it from
-- the sample, and written on every row it was the widest column COPY sent and the WAL carried.
ALTER TABLE coverage_sample DROP COLUMN source;

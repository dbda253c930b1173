-- Interim-Updates rewrite every open session every few minutes, the bulk of all writes. With no index on
-- the columns they change and room left on each page, PostgreSQL updates the row in place (a HOT update)
-- without adding to any index. Stale sessions are found by a scan of this table once a minute instead:
-- it holds only the sessions open now.
DROP INDEX radius_session_open_updated_idx;
ALTER TABLE radius_session_open SET (fillfactor = 70);

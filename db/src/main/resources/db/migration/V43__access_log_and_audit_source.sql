-- The real-name access log (who had an address, a device or an account at a time) is answered from the session
-- tables, and the audit log says from where each act came.

-- Where an act came from: the client's address for the console and the API, cli@<host> for a command. Null for
-- Steppe's own jobs and for entries written before this column existed.
ALTER TABLE audit_log ADD COLUMN source text CHECK (source IS NULL OR length(source) <= 300);

-- The audit page filters by actor and by action over a time span; the exports counter counts one action.
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at);
CREATE INDEX audit_log_action_idx ON audit_log (action, at);

-- "Who had 10.1.7.42 at 21:14", "where was this device", by the address or MAC first, then the start time, which
-- the query bounds below (by the longest session it expects) so that only a month or two of partitions is read.
-- Made on the partitioned table, so every monthly partition, present and future, has them. The subscriber's
-- (phone, voucher) is V3's radius_session_subscriber_idx. radius_session_open gets none: it holds only the
-- sessions open now (a scan is cheap) and its rows are rewritten by every Interim-Update, kept index-free (V7).
CREATE INDEX radius_session_framed_ip_idx ON radius_session (framed_ip, started_at);
CREATE INDEX radius_session_client_mac_idx ON radius_session (client_mac, started_at);
CREATE INDEX radius_session_started_idx ON radius_session (started_at);

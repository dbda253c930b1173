-- Records kept for the retention window (STEPPE_RETENTION_DAYS) are partitioned by month, like radius_session
-- already is, so that a month past the window is dropped whole instead of deleted row by row: CoA requests,
-- SMS codes (the SMS login record: number's HMAC, device, address, gateway, time) and the AP history kept for
-- months (hourly averages and changes of state). Raw heartbeats (48 h) and 5-minute averages (30 days) are kept
-- for less than a month, so a monthly partition could only go long after them; they stay on their deletes.
-- Months are UTC months. Each table keeps its name, so the code that reads and writes it is unchanged; existing
-- rows are moved into the new partitions. Steppe makes the months ahead and drops the old ones itself.

SET LOCAL TIME ZONE 'UTC';

-- Partitions `parent` (already renamed to `parent`_unpartitioned, with its like made partitioned): a partition for
-- every month from its oldest row (or this month) to two months ahead and a default one for a row outside them (a
-- node whose clock is far off); then moves the rows in and drops the old table.
CREATE FUNCTION steppe_v44_partition(parent text, key text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    source text := parent || '_unpartitioned';
    oldest timestamptz;
    m date;
BEGIN
    EXECUTE format('SELECT min(%I) FROM %I', key, source) INTO oldest;
    m := date_trunc('month', least(coalesce(oldest, now()), now()))::date;
    WHILE m <= date_trunc('month', now())::date + interval '2 months' LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                       parent || '_' || to_char(m, 'YYYY_MM'), parent, m::timestamptz, (m + interval '1 month')::timestamptz);
        m := m + interval '1 month';
    END LOOP;
    EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', parent || '_default', parent);
    EXECUTE format('INSERT INTO %I OVERRIDING SYSTEM VALUE SELECT * FROM %I', parent, source);
    EXECUTE format('DROP TABLE %I', source);
END $$;

-- The new tables are made LIKE the old ones (columns, defaults, checks, identity), so they cannot differ; a primary
-- key of a partitioned table must hold its partition key.
CREATE FUNCTION steppe_v44_set_aside(parent text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %I RENAME TO %I', parent, parent || '_unpartitioned');
    IF EXISTS (SELECT FROM pg_constraint WHERE conname = parent || '_pkey') THEN
        EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I', parent || '_unpartitioned', parent || '_pkey',
                       parent || '_unpartitioned_pkey');
    END IF;
    IF EXISTS (SELECT FROM pg_class WHERE relname = parent || '_id_seq') THEN
        EXECUTE format('ALTER SEQUENCE %I RENAME TO %I', parent || '_id_seq', parent || '_unpartitioned_id_seq');
    END IF;
END $$;

-- CoA and Disconnect requests, by month requested.
SELECT steppe_v44_set_aside('coa_request');
DROP INDEX coa_request_requested_idx;
CREATE TABLE coa_request (LIKE coa_request_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING IDENTITY,
    PRIMARY KEY (id, requested_at),
    CONSTRAINT coa_request_nas_id_fkey FOREIGN KEY (nas_id) REFERENCES nas (id) ON DELETE SET NULL)
    PARTITION BY RANGE (requested_at);
CREATE INDEX coa_request_requested_idx ON coa_request (requested_at);
SELECT steppe_v44_partition('coa_request', 'requested_at');
SELECT setval(pg_get_serial_sequence('coa_request', 'id'), max(id)) FROM coa_request HAVING max(id) IS NOT NULL;

-- SMS codes, by month sent.
SELECT steppe_v44_set_aside('sms_code');
DROP INDEX sms_code_phone_idx, sms_code_mac_idx, sms_code_created_idx, sms_code_client_ip_idx;
CREATE TABLE sms_code (LIKE sms_code_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING IDENTITY,
    PRIMARY KEY (id, created_at)) PARTITION BY RANGE (created_at);
CREATE INDEX sms_code_phone_idx ON sms_code (phone_hmac, created_at);
CREATE INDEX sms_code_mac_idx ON sms_code (client_mac, created_at);
CREATE INDEX sms_code_created_idx ON sms_code (created_at);
CREATE INDEX sms_code_client_ip_idx ON sms_code (client_ip, created_at) WHERE client_ip IS NOT NULL;
SELECT steppe_v44_partition('sms_code', 'created_at');
SELECT setval(pg_get_serial_sequence('sms_code', 'id'), max(id)) FROM sms_code HAVING max(id) IS NOT NULL;

-- Hourly AP averages, by month of their hour.
SELECT steppe_v44_set_aside('ap_sample_1h');
CREATE TABLE ap_sample_1h (LIKE ap_sample_1h_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    PRIMARY KEY (ap_id, bucket),
    CONSTRAINT ap_sample_1h_ap_id_fkey FOREIGN KEY (ap_id) REFERENCES access_point (id) ON DELETE CASCADE)
    PARTITION BY RANGE (bucket);
SELECT steppe_v44_partition('ap_sample_1h', 'bucket');

-- Changes of AP state, by month.
SELECT steppe_v44_set_aside('ap_state_change');
DROP INDEX ap_state_change_ap_idx;
CREATE TABLE ap_state_change (LIKE ap_state_change_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    CONSTRAINT ap_state_change_ap_id_fkey FOREIGN KEY (ap_id) REFERENCES access_point (id) ON DELETE CASCADE)
    PARTITION BY RANGE (at);
CREATE INDEX ap_state_change_ap_idx ON ap_state_change (ap_id, at);
SELECT steppe_v44_partition('ap_state_change', 'at');

DROP FUNCTION steppe_v44_set_aside(text), steppe_v44_partition(text, text);

-- Steppe's retention job makes every table's months ahead now, radius_session's among them.
DROP FUNCTION ensure_radius_session_partitions(integer);

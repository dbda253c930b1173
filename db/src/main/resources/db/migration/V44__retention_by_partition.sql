-- Records kept for the retention window (STEPPE_RETENTION_DAYS) are partitioned by month, like radius_session
-- already is, so that a month past the window is dropped whole instead of deleted row by row: CoA requests,
-- SMS codes (the SMS login record: number's HMAC, device, address, gateway, time) and the AP history kept for
-- months (hourly averages and changes of state). Raw heartbeats (48 h) and 5-minute averages (30 days) are kept
-- for less than a month, so a monthly partition could only go long after them; they stay on their deletes.
-- Months are UTC months. Each table keeps its name, so the code that reads and writes it is unchanged; existing
-- rows are moved into the new partitions. Steppe makes the months ahead and drops the old ones itself.

SET LOCAL TIME ZONE 'UTC';

-- Makes a month's partition of `parent` for every month from the oldest row of `source` (or this month) to two
-- months ahead, and a default partition for a row outside them (a node whose clock is far off).
CREATE FUNCTION steppe_v44_month_partitions(parent text, source text, key text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
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
END $$;

-- CoA and Disconnect requests, by month requested.
ALTER TABLE coa_request RENAME TO coa_request_unpartitioned;
ALTER TABLE coa_request_unpartitioned RENAME CONSTRAINT coa_request_pkey TO coa_request_unpartitioned_pkey;
ALTER SEQUENCE coa_request_id_seq RENAME TO coa_request_unpartitioned_id_seq;
DROP INDEX coa_request_requested_idx;
CREATE TABLE coa_request (
    id              bigint GENERATED ALWAYS AS IDENTITY,
    nas_id          bigint      REFERENCES nas (id) ON DELETE SET NULL,
    kind            text        NOT NULL CHECK (kind IN ('disconnect', 'coa')),
    reason          text        NOT NULL CHECK (reason IN ('quota', 'operator', 'logout')),
    unique_id       text,
    username        text,
    requested_by    text        NOT NULL,
    requested_at    timestamptz NOT NULL,
    answered_at     timestamptz,
    result          text        NOT NULL CHECK (result IN ('ack', 'nak', 'timeout', 'error')),
    error_cause     integer,
    attempts        integer     NOT NULL CHECK (attempts >= 1),
    PRIMARY KEY (id, requested_at)
) PARTITION BY RANGE (requested_at);
CREATE INDEX coa_request_requested_idx ON coa_request (requested_at);
SELECT steppe_v44_month_partitions('coa_request', 'coa_request_unpartitioned', 'requested_at');
INSERT INTO coa_request (id, nas_id, kind, reason, unique_id, username, requested_by, requested_at, answered_at, result,
                         error_cause, attempts)
    OVERRIDING SYSTEM VALUE
    SELECT id, nas_id, kind, reason, unique_id, username, requested_by, requested_at, answered_at, result, error_cause, attempts
    FROM coa_request_unpartitioned;
SELECT setval(pg_get_serial_sequence('coa_request', 'id'), max(id)) FROM coa_request HAVING max(id) IS NOT NULL;
DROP TABLE coa_request_unpartitioned;

-- SMS codes, by month sent.
ALTER TABLE sms_code RENAME TO sms_code_unpartitioned;
ALTER TABLE sms_code_unpartitioned RENAME CONSTRAINT sms_code_pkey TO sms_code_unpartitioned_pkey;
ALTER SEQUENCE sms_code_id_seq RENAME TO sms_code_unpartitioned_id_seq;
DROP INDEX sms_code_phone_idx, sms_code_mac_idx, sms_code_created_idx, sms_code_client_ip_idx;
CREATE TABLE sms_code (
    id              bigint GENERATED ALWAYS AS IDENTITY,
    phone_hmac      bytea       NOT NULL,
    code_hmac       bytea       NOT NULL,
    client_mac      varchar(17) NOT NULL CHECK (client_mac ~ '^([0-9a-f]{2}:){5}[0-9a-f]{2}$'),
    gateway         text        NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    used_at         timestamptz,
    client_ip       inet,
    PRIMARY KEY (id, created_at)
) PARTITION BY RANGE (created_at);
CREATE INDEX sms_code_phone_idx ON sms_code (phone_hmac, created_at);
CREATE INDEX sms_code_mac_idx ON sms_code (client_mac, created_at);
CREATE INDEX sms_code_created_idx ON sms_code (created_at);
CREATE INDEX sms_code_client_ip_idx ON sms_code (client_ip, created_at) WHERE client_ip IS NOT NULL;
SELECT steppe_v44_month_partitions('sms_code', 'sms_code_unpartitioned', 'created_at');
INSERT INTO sms_code (id, phone_hmac, code_hmac, client_mac, gateway, created_at, expires_at, attempts, used_at, client_ip)
    OVERRIDING SYSTEM VALUE
    SELECT id, phone_hmac, code_hmac, client_mac, gateway, created_at, expires_at, attempts, used_at, client_ip
    FROM sms_code_unpartitioned;
SELECT setval(pg_get_serial_sequence('sms_code', 'id'), max(id)) FROM sms_code HAVING max(id) IS NOT NULL;
DROP TABLE sms_code_unpartitioned;

-- Hourly AP averages, by month of their hour.
ALTER TABLE ap_sample_1h RENAME TO ap_sample_1h_unpartitioned;
ALTER TABLE ap_sample_1h_unpartitioned RENAME CONSTRAINT ap_sample_1h_pkey TO ap_sample_1h_unpartitioned_pkey;
CREATE TABLE ap_sample_1h (
    ap_id           text        NOT NULL REFERENCES access_point (id) ON DELETE CASCADE,
    bucket          timestamptz NOT NULL,
    samples         integer     NOT NULL,
    clients_avg     real,
    clients_max     integer,
    cpu_load        real,
    memory_ratio    real,
    channel_util    real,
    noise_dbm       real,
    rtt_ms          real,
    loss_ratio      real,
    PRIMARY KEY (ap_id, bucket)
) PARTITION BY RANGE (bucket);
SELECT steppe_v44_month_partitions('ap_sample_1h', 'ap_sample_1h_unpartitioned', 'bucket');
INSERT INTO ap_sample_1h (ap_id, bucket, samples, clients_avg, clients_max, cpu_load, memory_ratio, channel_util, noise_dbm,
                          rtt_ms, loss_ratio)
    SELECT ap_id, bucket, samples, clients_avg, clients_max, cpu_load, memory_ratio, channel_util, noise_dbm, rtt_ms, loss_ratio
    FROM ap_sample_1h_unpartitioned;
DROP TABLE ap_sample_1h_unpartitioned;

-- Changes of AP state, by month.
ALTER TABLE ap_state_change RENAME TO ap_state_change_unpartitioned;
DROP INDEX ap_state_change_ap_idx;
CREATE TABLE ap_state_change (
    ap_id       text        NOT NULL REFERENCES access_point (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    from_state  text        NOT NULL,
    to_state    text        NOT NULL,
    reasons     text[]      NOT NULL DEFAULT '{}'
) PARTITION BY RANGE (at);
CREATE INDEX ap_state_change_ap_idx ON ap_state_change (ap_id, at);
SELECT steppe_v44_month_partitions('ap_state_change', 'ap_state_change_unpartitioned', 'at');
INSERT INTO ap_state_change (ap_id, at, from_state, to_state, reasons)
    SELECT ap_id, at, from_state, to_state, reasons FROM ap_state_change_unpartitioned;
DROP TABLE ap_state_change_unpartitioned;

DROP FUNCTION steppe_v44_month_partitions(text, text, text);

-- Steppe's retention job makes every table's months ahead now, radius_session's among them.
DROP FUNCTION ensure_radius_session_partitions(integer);

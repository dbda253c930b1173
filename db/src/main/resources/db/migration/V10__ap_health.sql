-- The AP controller: what APs report (heartbeat samples, downsampled as they age), the state each AP is
-- judged to be in, the transitions between states, and the alerts opened and resolved on them.

ALTER TABLE access_point
    ADD COLUMN model        text CHECK (model IS NULL OR length(model) BETWEEN 1 AND 100),
    ADD COLUMN firmware     text CHECK (firmware IS NULL OR length(firmware) BETWEEN 1 AND 100),
    ADD COLUMN install_date date;
-- A heartbeat names its AP only by its token.
CREATE UNIQUE INDEX access_point_token_idx ON access_point (token_hash);
-- RADIUS view: open sessions are counted per AP (Called-Station-Id) every evaluation.
CREATE INDEX radius_session_open_ap_idx ON radius_session_open (ap_mac);

-- One heartbeat as received, kept raw for a short while (48 h by default). Radio details stay as sent (JSON);
-- the columns hold what health is judged on, the worst radio's figure where an AP has several.
CREATE TABLE ap_sample (
    ap_id           text        NOT NULL REFERENCES access_point (id) ON DELETE CASCADE,
    received_at     timestamptz NOT NULL,
    sent_at         timestamptz NOT NULL,
    interval_s      integer     NOT NULL CHECK (interval_s BETWEEN 1 AND 3600),
    uptime_s        bigint,
    cpu_load        real,
    memory_ratio    real,
    clients         integer,
    channel_util    real,
    noise_dbm       real,
    retries_ratio   real,
    rtt_ms          real,
    loss_ratio      real,
    firmware        text,
    radios          jsonb
);
CREATE INDEX ap_sample_ap_idx ON ap_sample (ap_id, received_at);
CREATE INDEX ap_sample_received_idx ON ap_sample USING brin (received_at);

-- Averages (and the peak client count) per AP over 5 minutes (kept 30 days) and over an hour (kept a year).
CREATE TABLE ap_sample_5m (
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
);
CREATE TABLE ap_sample_1h (LIKE ap_sample_5m INCLUDING ALL);
ALTER TABLE ap_sample_1h ADD FOREIGN KEY (ap_id) REFERENCES access_point (id) ON DELETE CASCADE;

-- The state each AP is judged to be in, as of the last change; the evaluator keeps the live copy in memory.
CREATE TABLE ap_status (
    ap_id       text        PRIMARY KEY REFERENCES access_point (id) ON DELETE CASCADE,
    state       text        NOT NULL CHECK (state IN ('UP', 'DEGRADED', 'DOWN', 'UNREACHABLE', 'UNKNOWN')),
    reasons     text[]      NOT NULL DEFAULT '{}',
    since       timestamptz NOT NULL,
    flaps       integer     NOT NULL DEFAULT 0 CHECK (flaps >= 0)
);

-- Every change of state, for an AP's history.
CREATE TABLE ap_state_change (
    ap_id       text        NOT NULL REFERENCES access_point (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    from_state  text        NOT NULL,
    to_state    text        NOT NULL,
    reasons     text[]      NOT NULL DEFAULT '{}'
);
CREATE INDEX ap_state_change_ap_idx ON ap_state_change (ap_id, at);

-- An incident: one AP with one kind of problem, or a whole gateway or site down. At most one open alert per
-- key, which is what deduplicates them.
CREATE TABLE ap_alert (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key         text        NOT NULL,
    scope       text        NOT NULL CHECK (scope IN ('ap', 'gateway', 'site')),
    subject     text        NOT NULL,
    reason      text        NOT NULL,
    message     text        NOT NULL,
    affected    integer     NOT NULL DEFAULT 1 CHECK (affected >= 0),
    flaps       integer     NOT NULL DEFAULT 0 CHECK (flaps >= 0),
    opened_at   timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    resolved_at timestamptz
);
CREATE UNIQUE INDEX ap_alert_open_key_idx ON ap_alert (key) WHERE resolved_at IS NULL;
CREATE INDEX ap_alert_opened_idx ON ap_alert (opened_at);

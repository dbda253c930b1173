-- Who gets online and for how long: subscribers, vouchers, the portal's one-time credentials,
-- remembered devices, and the RADIUS sessions recorded from accounting.

-- A subscriber is the identity a daily allowance is counted against: a verified phone number
-- (the real-name identity; the number itself is kept by the portal, encrypted) or a voucher.
CREATE TABLE subscriber (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('phone', 'voucher')),
    language    text        CHECK (language IS NULL OR language IN ('zh', 'en', 'mn', 'ru')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Vouchers printed for tourist desks and hotels. A voucher is its own subscriber.
CREATE TABLE voucher (
    code            text        PRIMARY KEY CHECK (code ~ '^[A-Z0-9]{6,32}$'),
    subscriber_id   bigint      NOT NULL UNIQUE REFERENCES subscriber (id) ON DELETE CASCADE,
    minutes         integer     NOT NULL CHECK (minutes BETWEEN 1 AND 525600),
    max_devices     integer     NOT NULL DEFAULT 1 CHECK (max_devices BETWEEN 1 AND 100),
    valid_until     timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    first_used_at   timestamptz
);

-- The devices (client MACs) a voucher has been used from; at most max_devices of them.
CREATE TABLE voucher_device (
    code        text        NOT NULL REFERENCES voucher (code) ON DELETE CASCADE,
    mac         varchar(17) NOT NULL CHECK (mac ~ '^([0-9a-f]{2}:){5}[0-9a-f]{2}$'),
    first_seen  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (code, mac)
);

-- The one-time credential the portal puts in the gateway's /logon URL after a login: valid once,
-- from one client MAC, for two minutes.
CREATE TABLE login_credential (
    username        text        PRIMARY KEY,
    password        text        NOT NULL,
    subscriber_id   bigint      NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    client_mac      varchar(17) NOT NULL CHECK (client_mac ~ '^([0-9a-f]{2}:){5}[0-9a-f]{2}$'),
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz
);
CREATE INDEX login_credential_expiry_idx ON login_credential (expires_at);

-- Devices that logged in recently: the gateway's MAC authentication lets them straight back in.
CREATE TABLE remembered_device (
    mac             varchar(17) PRIMARY KEY CHECK (mac ~ '^([0-9a-f]{2}:){5}[0-9a-f]{2}$'),
    subscriber_id   bigint      NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    expires_at      timestamptz NOT NULL
);

-- Sessions still open, keyed by the gateway's unique session id: small and hot, updated by every
-- Interim-Update. A Stop moves the row into radius_session.
CREATE TABLE radius_session_open (
    unique_id           text        PRIMARY KEY,
    session_id          text        NOT NULL,
    nas_id              bigint      REFERENCES nas (id) ON DELETE SET NULL,
    nas_address         inet        NOT NULL,
    username            text        NOT NULL,
    subscriber_id       bigint      REFERENCES subscriber (id) ON DELETE SET NULL,
    ap_mac              varchar(17),
    ssid                text,
    client_mac          varchar(17),
    framed_ip           inet,
    class               text,
    started_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    session_time        bigint      NOT NULL DEFAULT 0 CHECK (session_time >= 0),
    input_octets        bigint      NOT NULL DEFAULT 0 CHECK (input_octets >= 0),
    output_octets       bigint      NOT NULL DEFAULT 0 CHECK (output_octets >= 0),
    interim_interval    integer
);
CREATE INDEX radius_session_open_subscriber_idx ON radius_session_open (subscriber_id);
CREATE INDEX radius_session_open_nas_idx ON radius_session_open (nas_id);
CREATE INDEX radius_session_open_updated_idx ON radius_session_open (updated_at);

-- Closed sessions, partitioned by month of their start so old months can be archived or dropped whole.
CREATE TABLE radius_session (
    unique_id           text        NOT NULL,
    session_id          text        NOT NULL,
    nas_id              bigint,
    nas_address         inet        NOT NULL,
    username            text        NOT NULL,
    subscriber_id       bigint,
    ap_mac              varchar(17),
    ssid                text,
    client_mac          varchar(17),
    framed_ip           inet,
    class               text,
    started_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    stopped_at          timestamptz NOT NULL,
    session_time        bigint      NOT NULL DEFAULT 0,
    input_octets        bigint      NOT NULL DEFAULT 0,
    output_octets       bigint      NOT NULL DEFAULT 0,
    terminate_cause     text        NOT NULL
) PARTITION BY RANGE (started_at);
CREATE INDEX radius_session_unique_idx ON radius_session (unique_id);
CREATE INDEX radius_session_subscriber_idx ON radius_session (subscriber_id, started_at);
CREATE INDEX radius_session_nas_idx ON radius_session (nas_id, started_at);

-- A session outside every monthly partition (a gateway with a wrong clock) lands here rather than
-- being lost; the monthly partitions are made ahead of time, so this stays near empty.
CREATE TABLE radius_session_default PARTITION OF radius_session DEFAULT;

-- Creates the monthly partitions from the current month up to `ahead` months on; Steppe calls it at start
-- and daily, so a month's partition exists before its first session.
CREATE FUNCTION ensure_radius_session_partitions(ahead integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    first_month date := greatest(date_trunc('month', now())::date, date '2026-01-01');
    m date;
BEGIN
    FOR i IN 0..ahead LOOP
        m := first_month + make_interval(months => i);
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF radius_session FOR VALUES FROM (%L) TO (%L)',
                       'radius_session_' || to_char(m, 'YYYY_MM'), m, m + interval '1 month');
    END LOOP;
END $$;

-- Between 2026-01-01 and the first month the function makes, so no start date falls into a hole.
DO $$
DECLARE
    m date := date '2026-01-01';
BEGIN
    WHILE m < date_trunc('month', now())::date LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF radius_session FOR VALUES FROM (%L) TO (%L)',
                       'radius_session_' || to_char(m, 'YYYY_MM'), m, m + interval '1 month');
        m := m + interval '1 month';
    END LOOP;
END $$;
SELECT ensure_radius_session_partitions(2);

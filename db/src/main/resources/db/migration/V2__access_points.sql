-- The access point inventory: what the operators' console lists and what sends heartbeats.

CREATE TABLE access_point (
    id          text        PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    -- Canonical lower-case colon form, the form RADIUS Called-Station-Id is normalised to.
    mac         varchar(17) NOT NULL UNIQUE CHECK (mac ~ '^([0-9a-f]{2}:){5}[0-9a-f]{2}$'),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    site        text        CHECK (site IS NULL OR length(site) BETWEEN 1 AND 200),
    latitude    double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude   double precision CHECK (longitude BETWEEN -180 AND 180),
    gateway_id  bigint      REFERENCES nas (id) ON DELETE SET NULL,
    mgmt_ip     inet,
    -- SHA-256 of the AP's heartbeat token, which is shown once when the AP is registered.
    token_hash  bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX access_point_site_idx ON access_point (site);
CREATE INDEX access_point_gateway_idx ON access_point (gateway_id);

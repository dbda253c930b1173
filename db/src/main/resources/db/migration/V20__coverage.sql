-- 4G coverage: imported samples, the observations and cells aggregated from them, gap regions, and the
-- places layer (villages, scenic spots, roads, districts) gaps are ranked against.
-- H3 cell ids are bigint (no PostGIS or h3-pg on the embedded default); geometries are GeoJSON text in WGS84.

CREATE TABLE coverage_import (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source      text        NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
    format      text        NOT NULL,
    actor       text        NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    accepted    bigint      NOT NULL DEFAULT 0,
    duplicates  bigint      NOT NULL DEFAULT 0,
    rejected    bigint      NOT NULL DEFAULT 0,
    warned      bigint      NOT NULL DEFAULT 0,
    report_path text
);

CREATE TABLE coverage_sample (
    source      text        NOT NULL,
    -- 64-bit hash of the row's normalised values: the same row imported again under the same source is skipped.
    fingerprint bigint      NOT NULL,
    import_id   bigint      NOT NULL REFERENCES coverage_import (id),
    measured_at timestamptz NOT NULL,
    latitude    double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude   double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    operator    text        NOT NULL CHECK (operator ~ '^[0-9]{5,6}$'),
    rat         text        NOT NULL CHECK (rat IN ('LTE', 'NR', 'UMTS', 'GSM', 'NONE')),
    rsrp        smallint    CHECK (rsrp BETWEEN -140 AND -44),
    rsrq        real        CHECK (rsrq BETWEEN -20 AND -3),
    sinr        real        CHECK (sinr BETWEEN -20 AND 40),
    dl_mbps     real        CHECK (dl_mbps >= 0),
    ul_mbps     real        CHECK (ul_mbps >= 0),
    -- the device, or for logs without one the trace (file) it came from
    device      text        NOT NULL,
    -- 0 good, 1 fair, 2 poor, 3 none: fixed at import with the thresholds in force then
    class       smallint    NOT NULL CHECK (class BETWEEN 0 AND 3),
    h3_r9       bigint      NOT NULL,
    h3_r8       bigint      NOT NULL,
    h3_r7       bigint      NOT NULL,
    PRIMARY KEY (source, fingerprint)
);
-- new samples recompute the observations of their cells and hours only
CREATE INDEX coverage_sample_cell_idx ON coverage_sample (operator, h3_r8, measured_at);

-- COPY lands here first (COPY cannot skip rows already imported); rows move on with ON CONFLICT DO NOTHING.
CREATE UNLOGGED TABLE coverage_sample_staging (LIKE coverage_sample INCLUDING DEFAULTS);
CREATE INDEX coverage_sample_staging_import_idx ON coverage_sample_staging (import_id);

-- Evidence unit: one device in one res-9 cell in one hour, summarised by its median.
CREATE TABLE coverage_observation (
    operator    text        NOT NULL,
    device      text        NOT NULL,
    h3_r9       bigint      NOT NULL,
    hour        timestamptz NOT NULL,
    h3_r8       bigint      NOT NULL,
    h3_r7       bigint      NOT NULL,
    samples     integer     NOT NULL,
    median_rsrp smallint,
    class       smallint    NOT NULL,
    PRIMARY KEY (operator, h3_r8, device, h3_r9, hour)
);

CREATE TABLE coverage_cell (
    operator     text        NOT NULL,
    resolution   smallint    NOT NULL CHECK (resolution BETWEEN 7 AND 9),
    h3           bigint      NOT NULL,
    status       text        NOT NULL CHECK (status IN ('covered', 'gap', 'uncertain', 'unmeasured')),
    severity     text        CHECK (severity IN ('none', 'poor')),
    observations integer     NOT NULL,
    bad          integer     NOT NULL,
    devices      integer     NOT NULL,
    samples      bigint      NOT NULL,
    first_seen   timestamptz NOT NULL,
    last_seen    timestamptz NOT NULL,
    median_rsrp  smallint,
    p10_rsrp     smallint,
    good         integer     NOT NULL,
    fair         integer     NOT NULL,
    poor         integer     NOT NULL,
    none         integer     NOT NULL,
    PRIMARY KEY (operator, resolution, h3)
);
CREATE INDEX coverage_cell_status_idx ON coverage_cell (operator, resolution, status);

CREATE TABLE coverage_gap (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    operator     text        NOT NULL,
    -- false once newer data no longer shows the region; kept for the planners' record
    active       boolean     NOT NULL DEFAULT true,
    status       text        NOT NULL DEFAULT 'new'
                 CHECK (status IN ('new', 'confirmed', 'planned', 'resolved', 'dismissed')),
    note         text,
    reappeared   boolean     NOT NULL DEFAULT false,
    severity     text        NOT NULL CHECK (severity IN ('none', 'poor')),
    cells        integer     NOT NULL,
    area_km2     double precision NOT NULL,
    samples      bigint      NOT NULL,
    observations integer     NOT NULL,
    median_rsrp  smallint,
    villages     text[]      NOT NULL DEFAULT '{}',
    people       integer     NOT NULL DEFAULT 0,
    scenic_spots text[]      NOT NULL DEFAULT '{}',
    road_km      double precision NOT NULL DEFAULT 0,
    access_points integer    NOT NULL DEFAULT 0,
    priority     double precision NOT NULL,
    geometry     text        NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX coverage_gap_operator_idx ON coverage_gap (operator, active);

CREATE TABLE coverage_gap_cell (
    gap_id  bigint NOT NULL REFERENCES coverage_gap (id) ON DELETE CASCADE,
    h3_r8   bigint NOT NULL,
    PRIMARY KEY (gap_id, h3_r8)
);
CREATE INDEX coverage_gap_cell_h3_idx ON coverage_gap_cell (h3_r8);

CREATE TABLE place (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('village', 'scenic', 'road', 'district')),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    population  integer     CHECK (population >= 0),
    -- WGS84 GeoJSON geometry (converted from GCJ-02 or BD-09 at import)
    geometry    text        NOT NULL,
    min_lat     double precision NOT NULL,
    min_lon     double precision NOT NULL,
    max_lat     double precision NOT NULL,
    max_lon     double precision NOT NULL,
    UNIQUE (kind, name)
);

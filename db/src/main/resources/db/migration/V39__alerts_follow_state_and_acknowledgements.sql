-- An alert follows its AP's committed state: it keeps the state and the reasons (code|message key|figures, as
-- ap_status does) rather than frozen English, so that each reader gets them in their own language and the figures
-- stay current. Rows from before keep their English message; new rows leave it empty.
ALTER TABLE ap_alert
    ADD COLUMN state       text CHECK (state IN ('UP', 'DEGRADED', 'DOWN', 'UNREACHABLE', 'UNKNOWN')),
    ADD COLUMN reasons     text[]  NOT NULL DEFAULT '{}',
    -- the AP's lifetime flap count when the alert opened: flaps counts those since
    ADD COLUMN flaps_base  integer NOT NULL DEFAULT 0 CHECK (flaps_base >= 0),
    ADD COLUMN acknowledged_at   timestamptz,
    ADD COLUMN acknowledged_by   text,
    ADD COLUMN acknowledged_note text,
    ALTER COLUMN message DROP NOT NULL;


-- When each gateway last had a RADIUS request answered, for the console's gateways page. Each node keeps the latest
-- time in memory and writes it here every few seconds. A table of its own, not a column of nas: an update of nas
-- tells every node to reload its gateways (V37's gateways_changed trigger), which this must not do every few seconds.
CREATE TABLE nas_heard (
    nas_id          bigint      PRIMARY KEY REFERENCES nas (id) ON DELETE CASCADE,
    last_request_at timestamptz NOT NULL
);

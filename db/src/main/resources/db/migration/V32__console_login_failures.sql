-- Failed console logins, kept so that throttling by account and by client address holds on every Steppe node
-- that shares this database (a counter in one node's memory would give an attacker N tries per node) and
-- survives a restart. Rows older than the throttle's memory are deleted as new ones arrive. The audit log keeps
-- its own record of each failure; this table is only the throttle's state.
CREATE TABLE console_login_failure (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    -- the user name as typed, reduced to a safe alphabet and length: unknown names are throttled too, so that
    -- the answer never tells which accounts exist
    username    text        NOT NULL CHECK (length(username) BETWEEN 1 AND 64),
    -- the TCP peer's address, never a header a client could set
    address     text        NOT NULL CHECK (length(address) BETWEEN 1 AND 64)
);
CREATE INDEX console_login_failure_username_idx ON console_login_failure (username, at);
CREATE INDEX console_login_failure_address_idx ON console_login_failure (address, at);
CREATE INDEX console_login_failure_at_idx ON console_login_failure (at);

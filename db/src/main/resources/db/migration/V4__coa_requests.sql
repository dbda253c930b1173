-- Disconnect-Request and CoA-Request (RFC 5176) that Steppe sent to gateways, and what came of them.
CREATE TABLE coa_request (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
    attempts        integer     NOT NULL CHECK (attempts >= 1)
);
CREATE INDEX coa_request_requested_idx ON coa_request (requested_at);

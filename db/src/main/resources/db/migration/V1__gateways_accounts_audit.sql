-- Foundation: the gateways (RADIUS clients), console accounts and their sessions, and the audit log.

-- A gateway (NAS) that may send RADIUS to Steppe. Requests are matched on the source address by the
-- longest prefix, so a single address is a /32 (or /128) and a whole management subnet may share a secret.
CREATE TABLE nas (
    id                              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                            text        NOT NULL UNIQUE
                                    CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    address                         cidr        NOT NULL UNIQUE,
    -- RADIUS needs the shared secrets in clear to compute authenticators; they never leave the database in logs.
    secret                          text        NOT NULL CHECK (length(secret) BETWEEN 1 AND 128),
    uam_secret                      text        CHECK (uam_secret IS NULL OR length(uam_secret) BETWEEN 1 AND 128),
    coa_port                        integer     NOT NULL DEFAULT 3799 CHECK (coa_port BETWEEN 1 AND 65535),
    -- BlastRADIUS (CVE-2024-3596) policy, as FreeRADIUS 3.2.5 names it.
    require_message_authenticator   text        NOT NULL DEFAULT 'auto'
                                    CHECK (require_message_authenticator IN ('yes', 'no', 'auto')),
    limit_proxy_state               text        NOT NULL DEFAULT 'auto'
                                    CHECK (limit_proxy_state IN ('yes', 'no', 'auto')),
    created_at                      timestamptz NOT NULL DEFAULT now(),
    updated_at                      timestamptz NOT NULL DEFAULT now()
);

CREATE TYPE console_role AS ENUM ('operator', 'planner', 'admin');

CREATE TABLE console_account (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        text         NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{0,31}$'),
    role            console_role NOT NULL,
    password_hash   text         NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now()
);

-- Only a hash of each session token is kept, so a copy of the database does not log anyone in.
CREATE TABLE console_session (
    token_hash      bytea       PRIMARY KEY,
    account_id      bigint      NOT NULL REFERENCES console_account (id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL
);
CREATE INDEX console_session_expiry_idx ON console_session (expires_at);

-- Who changed what, and when: accounts, gateways and later every administrative act.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    subject     text        NOT NULL,
    details     jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- Issue 15: forged gateway redirects and SMS toll fraud.

-- The addresses a gateway's redirect may name as uamip, where the portal then sends the browser with a one-time
-- credential. A gateway without a UAM secret cannot sign its redirects, so these are what the portal trusts instead.
ALTER TABLE nas ADD COLUMN uam_addresses inet[] NOT NULL DEFAULT '{}';

-- The client's address as the portal saw it (the TCP peer), so that a limit per address holds whatever MAC the
-- client claims. Empty when the peer was the gateway itself (it NATs its clients): the per-gateway limit holds then.
ALTER TABLE sms_code ADD COLUMN client_ip inet;
CREATE INDEX sms_code_client_ip_idx ON sms_code (client_ip, created_at) WHERE client_ip IS NOT NULL;

-- Codes sent in fixed windows: per gateway per minute ('gateway:NAME') and in all per hour ('all'). A row per
-- window, raised by a conditional update, so that every node sharing the database counts against the same limit
-- and two requests at once cannot both take the last one.
CREATE TABLE sms_quota (
    scope           text        NOT NULL,
    window_start    timestamptz NOT NULL,
    sent            integer     NOT NULL CHECK (sent >= 0),
    PRIMARY KEY (scope, window_start)
);
CREATE INDEX sms_quota_window_idx ON sms_quota (window_start);

-- Each challenge a gateway gave is answered (a /logon URL issued against it) at most once, on any node.
CREATE TABLE uam_challenge (
    gateway         text        NOT NULL,
    challenge       bytea       NOT NULL CHECK (length(challenge) = 16),
    answered_at     timestamptz NOT NULL,
    PRIMARY KEY (gateway, challenge)
);
CREATE INDEX uam_challenge_answered_idx ON uam_challenge (answered_at);

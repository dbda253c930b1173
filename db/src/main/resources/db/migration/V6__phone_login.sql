-- Logging in by SMS: the real-name identity (a phone number) kept so that only an admin export reads it,
-- and the one-time codes sent to it.

-- The number itself is encrypted (AES-GCM, key in $STEPPE_HOME/keys); the HMAC finds a returning number
-- without decrypting anything.
CREATE TABLE phone_identity (
    subscriber_id       bigint      PRIMARY KEY REFERENCES subscriber (id) ON DELETE CASCADE,
    phone_hmac          bytea       NOT NULL UNIQUE,
    phone_ciphertext    bytea       NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sms_code (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone_hmac      bytea       NOT NULL,
    code_hmac       bytea       NOT NULL,
    client_mac      varchar(17) NOT NULL CHECK (client_mac ~ '^([0-9a-f]{2}:){5}[0-9a-f]{2}$'),
    gateway         text        NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    used_at         timestamptz
);
CREATE INDEX sms_code_phone_idx ON sms_code (phone_hmac, created_at);
CREATE INDEX sms_code_mac_idx ON sms_code (client_mac, created_at);
CREATE INDEX sms_code_gateway_idx ON sms_code (gateway, created_at);

-- Voucher codes kept only as keyed hashes (HMAC-SHA256 under $STEPPE_HOME/keys/secrets.key, in hex): a code
-- is a bearer credential worth hours of Wi-Fi, printed once for a tourist desk, and the database needs only
-- to recognise it. Codes written before this are hashed when Steppe next starts; until then a row holds the
-- code itself, which the check below still admits.
ALTER TABLE voucher_device DROP CONSTRAINT voucher_device_code_fkey;
ALTER TABLE voucher RENAME COLUMN code TO code_hash;
ALTER TABLE voucher_device RENAME COLUMN code TO code_hash;
ALTER TABLE voucher DROP CONSTRAINT voucher_code_check,
    ADD CONSTRAINT voucher_code_hash_form CHECK (code_hash ~ '^[0-9a-f]{64}$' OR code_hash ~ '^[A-Z0-9]{6,32}$');
ALTER TABLE voucher_device ADD CONSTRAINT voucher_device_code_hash_fkey
    FOREIGN KEY (code_hash) REFERENCES voucher (code_hash) ON DELETE CASCADE ON UPDATE CASCADE;

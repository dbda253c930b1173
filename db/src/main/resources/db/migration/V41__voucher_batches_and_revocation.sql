-- Vouchers issued together from the console, printed on one sheet, and revoked together when the sheet is lost.
-- The console's form carries the batch's id, so a form sent twice (a reload) issues it once.
CREATE TABLE voucher_batch (
    id          uuid        PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL CHECK (length(created_by) BETWEEN 1 AND 200)
);

-- batch_id: the batch a voucher was issued in (none for the CLI's). code_start: its first two characters, what the
-- console shows of a code after the sheet is printed (as operators see a voucher used as a RADIUS user name): enough
-- to tell cards apart at a desk, far too little to log in. revoked_at: from then on RADIUS refuses it.
ALTER TABLE voucher
    ADD COLUMN batch_id    uuid        REFERENCES voucher_batch (id) ON DELETE SET NULL,
    ADD COLUMN code_start  text        CHECK (code_start IS NULL OR code_start ~ '^[A-Z0-9]{2}$'),
    ADD COLUMN revoked_at  timestamptz;
CREATE INDEX voucher_batch_idx ON voucher (batch_id);
CREATE INDEX voucher_created_idx ON voucher (created_at);

-- Several Steppe nodes share this database, and each keeps in memory what its RADIUS server answers returning
-- devices from (vouchers, remembered devices, usage) and the gateways it serves. A committed change to any of
-- those tells every node which entries it made stale, on the channel steppe_cache, whoever made it: a node, a CLI
-- command, or an operator's SQL. NOTIFY is transactional, so a notice arrives only once its change is visible,
-- and never for a change rolled back.
--
-- A notice reads "<topic> <origin> <key>,<key>,…": the origin is the writer's application_name, which a node
-- sets to its own id so that it can skip what it already applied. Keys that would not fit a notice (8000 bytes)
-- become "*": every entry of the topic is stale.
CREATE FUNCTION steppe_notify(topic text, keys text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    origin text := replace(current_setting('application_name'), ' ', '_');
    payload text;
BEGIN
    IF keys IS NULL OR cardinality(keys) = 0 THEN
        RETURN;
    END IF;
    payload := topic || ' ' || origin || ' ' || array_to_string(keys, ',');
    IF octet_length(payload) > 7900 THEN
        payload := topic || ' ' || origin || ' *';
    END IF;
    PERFORM pg_notify('steppe_cache', payload);
END $$;

-- The entries a statement changed, as the trigger's arguments say: the topic, and the expression that makes a key of
-- a row. Inserts and updates are read from the rows as they became (REFERENCING NEW TABLE AS new_rows), deletes from
-- the rows as they were (OLD TABLE AS old_rows). One notice a statement, so a batch of Interim-Updates costs one.
CREATE FUNCTION steppe_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    keys text[];
BEGIN
    EXECUTE format('SELECT array_agg(DISTINCT k) FILTER (WHERE k IS NOT NULL) FROM (SELECT (%s)::text AS k FROM %I) r',
                   TG_ARGV[1], CASE TG_OP WHEN 'DELETE' THEN 'old_rows' ELSE 'new_rows' END)
        INTO keys;
    PERFORM steppe_notify(TG_ARGV[0], keys);
    RETURN NULL;
END $$;

-- Usage: the subscribers whose sessions changed. A Stop whose session was never open goes straight to the closed
-- sessions.
CREATE TRIGGER usage_opened AFTER INSERT ON radius_session_open REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION steppe_notify_changed('usage', 'subscriber_id');
CREATE TRIGGER usage_updated AFTER UPDATE ON radius_session_open REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION steppe_notify_changed('usage', 'subscriber_id');
CREATE TRIGGER usage_closed AFTER DELETE ON radius_session_open REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION steppe_notify_changed('usage', 'subscriber_id');
CREATE TRIGGER usage_recorded AFTER INSERT ON radius_session REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION steppe_notify_changed('usage', 'subscriber_id');

-- Vouchers: a first use, a new expiry, a device bound or unbound, a voucher deleted.
CREATE TRIGGER voucher_changed AFTER UPDATE ON voucher REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION steppe_notify_changed('voucher', 'code_hash');
CREATE TRIGGER voucher_removed AFTER DELETE ON voucher REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION steppe_notify_changed('voucher', 'code_hash');
CREATE TRIGGER voucher_device_bound AFTER INSERT ON voucher_device REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION steppe_notify_changed('voucher', 'code_hash');
CREATE TRIGGER voucher_device_unbound AFTER DELETE ON voucher_device REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION steppe_notify_changed('voucher', 'code_hash');

-- Remembered devices, as "<mac>@<gateway id>".
CREATE TRIGGER device_remembered AFTER INSERT ON remembered_device REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION steppe_notify_changed('device', 'mac || ''@'' || nas_id');
CREATE TRIGGER device_remembered_again AFTER UPDATE ON remembered_device REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION steppe_notify_changed('device', 'mac || ''@'' || nas_id');
CREATE TRIGGER device_forgotten AFTER DELETE ON remembered_device REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION steppe_notify_changed('device', 'mac || ''@'' || nas_id');

-- Gateways: any change reloads them all (there are hundreds, not millions).
CREATE FUNCTION steppe_notify_gateways() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM steppe_notify('nas', ARRAY['*']);
    RETURN NULL;
END $$;

CREATE TRIGGER gateways_changed AFTER INSERT OR UPDATE OR DELETE ON nas
    FOR EACH STATEMENT EXECUTE FUNCTION steppe_notify_gateways();

-- The nodes that serve from this database: each writes its row every few seconds, so a row not written for a
-- minute is a node that stopped.
CREATE TABLE cluster_node (
    id          text        PRIMARY KEY,
    address     text        NOT NULL,
    version     text        NOT NULL,
    started_at  timestamptz NOT NULL,
    seen_at     timestamptz NOT NULL,
    jobs        text[]      NOT NULL DEFAULT '{}'
);

-- Every node on this database must seal and hash with the same keys ($STEPPE_HOME/keys): the first to start
-- records its keys' check value (a keyed hash that tells nothing of them), and a node with other keys is refused.
CREATE TABLE key_check (
    id      integer PRIMARY KEY CHECK (id = 1),
    value   text    NOT NULL
);

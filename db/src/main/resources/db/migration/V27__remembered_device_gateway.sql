-- A remembered device is let back in by MAC authentication only on the gateway where it logged in: a spoofed MAC
-- then gains no more than its owner's remaining allowance on that one gateway. A device that logs in on several
-- gateways is remembered on each.
--
-- The devices remembered so far say nothing of their gateway; they log in once more through the portal.
DELETE FROM remembered_device;
ALTER TABLE remembered_device DROP CONSTRAINT remembered_device_pkey;
ALTER TABLE remembered_device ADD COLUMN nas_id bigint NOT NULL REFERENCES nas (id) ON DELETE CASCADE;
ALTER TABLE remembered_device ADD PRIMARY KEY (mac, nas_id);

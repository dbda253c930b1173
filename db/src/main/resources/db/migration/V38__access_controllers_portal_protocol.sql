-- Access controllers of Huawei, H3C and Ruijie log users on through the CMCC-compatible Portal protocol: the
-- portal asks the AC over UDP (its port 2000) to authenticate a user, and the AC then asks Steppe's RADIUS server.
-- A gateway registered with a portal protocol is such an AC. The portal sends only to portal_address (the AC's
-- own address, never one named in a redirect), and matches what arrives on its port by that address, so no two
-- ACs share one. The secret signs v2 packets, sealed like the gateway's other secrets.
--
-- vendor chooses the RADIUS reply profile (the vendor attributes that carry a rate limit) and which vendor
-- attributes of accounting name the AP and SSID.
ALTER TABLE nas
    ADD COLUMN portal_protocol      text CHECK (portal_protocol IN ('huawei-v1', 'huawei-v2', 'cmcc-v1', 'cmcc-v2')),
    ADD COLUMN portal_secret_sealed bytea,
    ADD COLUMN portal_port          integer NOT NULL DEFAULT 2000 CHECK (portal_port BETWEEN 1 AND 65535),
    ADD COLUMN portal_address       inet,
    ADD COLUMN vendor               text NOT NULL DEFAULT 'generic' CHECK (vendor IN ('generic', 'huawei', 'h3c', 'ruijie')),
    ADD CONSTRAINT nas_portal_complete CHECK (portal_protocol IS NULL
        OR (portal_secret_sealed IS NOT NULL AND portal_address IS NOT NULL));

CREATE UNIQUE INDEX nas_portal_address_idx ON nas (portal_address) WHERE portal_protocol IS NOT NULL;

-- Gateways' shared secrets (RADIUS and UAM) sealed with AES-GCM under a key kept outside the database
-- ($STEPPE_HOME/keys/secrets.key), so that a dump or a backup of the database alone lets nobody forge RADIUS
-- answers or UAM redirects. Rows written before this stay in the clear columns until Steppe next starts,
-- which seals them and empties those columns.
ALTER TABLE nas
    ADD COLUMN secret_sealed     bytea,
    ADD COLUMN uam_secret_sealed bytea,
    ALTER COLUMN secret DROP NOT NULL,
    DROP CONSTRAINT nas_secret_check,
    DROP CONSTRAINT nas_uam_secret_check,
    ADD CONSTRAINT nas_secret_kept CHECK (secret IS NOT NULL OR secret_sealed IS NOT NULL);

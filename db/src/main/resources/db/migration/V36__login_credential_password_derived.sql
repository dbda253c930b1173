-- The portal's one-time credentials keep no password: it is derived from the user name with a key kept
-- outside the database ($STEPPE_HOME/keys/secrets.key), so a copy of this table logs nobody in. Credentials
-- live two minutes; any issued before this are dropped with the column.
DELETE FROM login_credential;
ALTER TABLE login_credential DROP COLUMN password;

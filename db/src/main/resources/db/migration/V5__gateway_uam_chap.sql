-- Whether the portal sends this gateway's users to /logon with a CHAP response (CoovaChilli's default
-- hotspotlogin) rather than the PAP-style encoded password.
ALTER TABLE nas ADD COLUMN uam_chap boolean NOT NULL DEFAULT false;

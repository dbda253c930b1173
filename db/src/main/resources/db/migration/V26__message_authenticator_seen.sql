-- require_message_authenticator = auto (BlastRADIUS, FreeRADIUS 3.2.5): once a gateway has sent Message-Authenticator
-- it is required from then on. Kept here rather than in one server's memory, so that a restart does not forget it
-- and every node sharing the database requires it as soon as one has seen it.
ALTER TABLE nas ADD COLUMN message_authenticator_seen_at timestamptz;

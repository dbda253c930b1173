-- The per-gateway SMS limit is counted in memory now; codes are instead swept by age once they are past
-- their retention, which needs them in order of creation.
DROP INDEX sms_code_gateway_idx;
CREATE INDEX sms_code_created_idx ON sms_code (created_at);

-- See the PostgreSQL script: a hashed recipient so one recipient's messages leave in order.
ALTER TABLE oc_line_outbox ADD COLUMN recipient TEXT NULL;

CREATE INDEX IF NOT EXISTS ix_line_outbox_recipient ON oc_line_outbox (recipient, created_at) WHERE delivered_at IS NULL;

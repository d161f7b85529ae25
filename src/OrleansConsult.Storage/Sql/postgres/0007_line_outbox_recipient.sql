-- Each single-recipient row names its recipient by a hash (channel and LINE user id through
-- SHA-256, never the id itself) so the outbox can hand out one recipient's messages in the order
-- they were written: a later message waits while an earlier one is still undelivered.
ALTER TABLE oc_line_outbox ADD COLUMN IF NOT EXISTS recipient varchar(64) NULL;

CREATE INDEX IF NOT EXISTS ix_line_outbox_recipient ON oc_line_outbox (recipient, created_at) WHERE delivered_at IS NULL;

-- Parked outbox rows: LINE refused them (monthly limit, another 4xx, an invalid message) or they
-- ran out of attempts. They are kept with their reason and their retry key, never re-sent on their
-- own, until released: at the turn of the month (Asia/Tokyo) for the monthly limit, by an operator
-- (`outbox release`) otherwise. park_reason: monthly-limit, rejected, invalid or gave-up.
ALTER TABLE oc_line_outbox ADD COLUMN IF NOT EXISTS parked_at timestamptz NULL;
ALTER TABLE oc_line_outbox ADD COLUMN IF NOT EXISTS park_reason varchar(20) NULL;

-- Rows parked the earlier way (due ten years out, last_error 'parked: ...') become parked rows, due again when released.
UPDATE oc_line_outbox
SET parked_at = now(),
    next_attempt_at = now(),
    park_reason = CASE
        WHEN last_error LIKE '%monthly limit%' THEN 'monthly-limit'
        WHEN last_error LIKE 'parked: invalid%' OR last_error LIKE 'parked: LINE 400%' THEN 'invalid'
        WHEN last_error LIKE 'parked: LINE 4%' THEN 'rejected'
        ELSE 'gave-up' END
WHERE delivered_at IS NULL AND next_attempt_at > now() + interval '365 days';

-- The purge finds delivered and parked rows by when that happened.
CREATE INDEX IF NOT EXISTS ix_line_outbox_parked ON oc_line_outbox (parked_at) WHERE parked_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_line_outbox_delivered ON oc_line_outbox (delivered_at) WHERE delivered_at IS NOT NULL;

-- Parked outbox rows (see the PostgreSQL script for the why). Times are UTC ISO-8601 text.
ALTER TABLE oc_line_outbox ADD COLUMN parked_at TEXT NULL;
ALTER TABLE oc_line_outbox ADD COLUMN park_reason TEXT NULL;

UPDATE oc_line_outbox
SET parked_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') || '.0000000Z',
    next_attempt_at = strftime('%Y-%m-%dT%H:%M:%S', 'now') || '.0000000Z',
    park_reason = CASE
        WHEN last_error LIKE '%monthly limit%' THEN 'monthly-limit'
        WHEN last_error LIKE 'parked: invalid%' OR last_error LIKE 'parked: LINE 400%' THEN 'invalid'
        WHEN last_error LIKE 'parked: LINE 4%' THEN 'rejected'
        ELSE 'gave-up' END
WHERE delivered_at IS NULL AND next_attempt_at > strftime('%Y-%m-%dT%H:%M:%S', 'now', '+365 days');

CREATE INDEX IF NOT EXISTS ix_line_outbox_parked ON oc_line_outbox (parked_at) WHERE parked_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS ix_line_outbox_delivered ON oc_line_outbox (delivered_at) WHERE delivered_at IS NOT NULL;

-- Outbound LINE sends that failed after their retries (see the PostgreSQL script for the why).
CREATE TABLE IF NOT EXISTS oc_line_outbox
(
    id              TEXT    NOT NULL PRIMARY KEY,
    channel         TEXT    NOT NULL,
    payload         BLOB    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    claimed_until   TEXT    NULL,
    last_error      TEXT    NULL,
    delivered_at    TEXT    NULL
);

CREATE INDEX IF NOT EXISTS ix_line_outbox_due ON oc_line_outbox (next_attempt_at) WHERE delivered_at IS NULL;

-- Outbound LINE sends that failed after their retries, kept until LINE takes them.
-- id is the X-Line-Retry-Key of the logical send: every later attempt reuses it, so LINE
-- delivers it at most once. Recipients and messages are personal data: sealed with AES-GCM
-- (PayloadProtector, key id inside the value), never stored in clear.
CREATE TABLE IF NOT EXISTS oc_line_outbox
(
    id              uuid         NOT NULL PRIMARY KEY,
    channel         varchar(100) NOT NULL,
    payload         bytea        NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    created_at      timestamptz  NOT NULL,
    claimed_until   timestamptz  NULL,
    last_error      varchar(300) NULL,
    delivered_at    timestamptz  NULL
);

CREATE INDEX IF NOT EXISTS ix_line_outbox_due ON oc_line_outbox (next_attempt_at) WHERE delivered_at IS NULL;

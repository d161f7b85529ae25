-- What retention and erasure need to find without opening sealed grain state (see the PostgreSQL
-- script for the why). Times are UTC ISO-8601 text with a fixed 7-digit fraction.
CREATE TABLE IF NOT EXISTS oc_case_index
(
    case_id   TEXT NOT NULL PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    consultee TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    closed_at TEXT NULL
);

CREATE INDEX IF NOT EXISTS ix_case_index_consultee ON oc_case_index (consultee);
CREATE INDEX IF NOT EXISTS ix_case_index_tenant_closed ON oc_case_index (tenant_id, closed_at);

CREATE TABLE IF NOT EXISTS oc_erasure
(
    id              TEXT    NOT NULL PRIMARY KEY,
    consultee       TEXT    NOT NULL,
    erased_at       TEXT    NOT NULL,
    cases           INTEGER NOT NULL,
    transcript_rows INTEGER NOT NULL,
    outbox_rows     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS oc_daily_job
(
    job          TEXT NOT NULL PRIMARY KEY,
    done_for     TEXT NOT NULL,
    holder       TEXT NULL,
    leased_until TEXT NULL
);

-- The transcript of every case (see the PostgreSQL script for the why). seq is the rowid:
-- SQLite allows only one primary key, so (case_id, entry_id) is a UNIQUE constraint instead,
-- which ON CONFLICT can still target. AUTOINCREMENT never reuses a seq. at is UTC ISO-8601
-- text with a fixed 7-digit fraction, so it sorts as time. payload is sealed by
-- PayloadProtector with the key id inside the value.
CREATE TABLE IF NOT EXISTS oc_transcript
(
    seq       INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    case_id   TEXT    NOT NULL,
    tenant_id TEXT    NOT NULL,
    entry_id  TEXT    NOT NULL,
    at        TEXT    NOT NULL,
    author    INTEGER NOT NULL,
    payload   BLOB    NOT NULL,
    UNIQUE (case_id, entry_id)
);

CREATE INDEX IF NOT EXISTS ix_transcript_case_seq ON oc_transcript (case_id, seq);

CREATE INDEX IF NOT EXISTS ix_transcript_tenant_at ON oc_transcript (tenant_id, at);

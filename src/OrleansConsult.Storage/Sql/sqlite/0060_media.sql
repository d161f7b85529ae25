-- Media of cases (see the PostgreSQL script for the why). at is UTC ISO-8601 text.
CREATE TABLE IF NOT EXISTS oc_media
(
    media_id     TEXT    NOT NULL PRIMARY KEY,
    case_id      TEXT    NOT NULL,
    tenant_id    TEXT    NOT NULL,
    entry_id     TEXT    NOT NULL,
    at           TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    payload      BLOB    NOT NULL,
    preview_type TEXT    NULL,
    preview      BLOB    NULL,
    UNIQUE (case_id, entry_id)
);

CREATE INDEX IF NOT EXISTS ix_media_tenant_at ON oc_media (tenant_id, at);

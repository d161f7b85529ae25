-- Pictures, videos, voice messages and files of cases: one row per (case, event), never updated.
-- media_id is random (32 bytes, base64url) and is what a signed media URL names. payload and
-- preview are personal data, sealed with AES-GCM by PayloadProtector, associated data
-- "media:{media_id}:original" / ":preview", so a blob copied to another row does not open.
-- Deleted with its case (erasure, retention) and by the purge by tenant and time.
CREATE TABLE IF NOT EXISTS oc_media
(
    media_id     varchar(64)  NOT NULL PRIMARY KEY,
    case_id      varchar(64)  NOT NULL,
    tenant_id    varchar(100) NOT NULL,
    entry_id     varchar(100) NOT NULL,
    at           timestamptz  NOT NULL,
    kind         varchar(16)  NOT NULL,
    content_type varchar(100) NOT NULL,
    size         bigint       NOT NULL,
    payload      bytea        NOT NULL,
    preview_type varchar(100) NULL,
    preview      bytea        NULL,
    UNIQUE (case_id, entry_id)
);

CREATE INDEX IF NOT EXISTS ix_media_tenant_at ON oc_media (tenant_id, at);

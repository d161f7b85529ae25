-- The transcript of every case: one row per relayed message, appended, never updated.
-- (case_id, entry_id) is the key: entry_id is the LINE webhookEventId, so a redelivered
-- webhook stores nothing new. seq gives the append order within a case (a case is written by
-- one grain at a time, so identity order is append order). The text is personal data: payload
-- is sealed with AES-GCM by PayloadProtector, associated data "{case_id}/{entry_id}", and the
-- key id is inside the sealed value, so no key_id column is needed to rotate keys.
CREATE TABLE IF NOT EXISTS oc_transcript
(
    case_id   varchar(64)  NOT NULL,
    tenant_id varchar(100) NOT NULL,
    entry_id  varchar(100) NOT NULL,
    seq       bigint       GENERATED ALWAYS AS IDENTITY,
    at        timestamptz  NOT NULL,
    author    smallint     NOT NULL,
    payload   bytea        NOT NULL,
    PRIMARY KEY (case_id, entry_id)
);

CREATE INDEX IF NOT EXISTS ix_transcript_case_seq ON oc_transcript (case_id, seq);

-- Monthly reports count a tenant's messages by time.
CREATE INDEX IF NOT EXISTS ix_transcript_tenant_at ON oc_transcript (tenant_id, at);

-- Case records for the monthly report (see the PostgreSQL script for the why). Times are UTC ISO-8601
-- text with a fixed 7-digit fraction.
CREATE TABLE IF NOT EXISTS oc_case_record
(
    case_id                  TEXT    NOT NULL PRIMARY KEY,
    tenant_id                TEXT    NOT NULL,
    consultee                TEXT    NOT NULL,
    channel                  TEXT    NOT NULL,
    opened_at                TEXT    NOT NULL,
    first_answered_at        TEXT    NULL,
    closed_at                TEXT    NULL,
    time_band                TEXT    NOT NULL,
    urgent                   INTEGER NOT NULL DEFAULT 0,
    answered_by              TEXT    NULL,
    answered_by_pool         INTEGER NOT NULL DEFAULT 0,
    left_message             INTEGER NOT NULL DEFAULT 0,
    left_message_answered_at TEXT    NULL,
    survey_score             INTEGER NULL,
    duration_minutes         INTEGER NULL,
    classified               INTEGER NOT NULL DEFAULT 0,
    age_band                 TEXT    NULL,
    pregnancy_weeks          TEXT    NULL
);

CREATE INDEX IF NOT EXISTS ix_case_record_tenant_opened ON oc_case_record (tenant_id, opened_at);
CREATE INDEX IF NOT EXISTS ix_case_record_opened ON oc_case_record (opened_at);

CREATE TABLE IF NOT EXISTS oc_case_label
(
    case_id TEXT NOT NULL,
    kind    TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, value)
);

CREATE TABLE IF NOT EXISTS oc_case_referral
(
    referral_id     TEXT    NOT NULL PRIMARY KEY,
    case_id         TEXT    NOT NULL,
    destination     TEXT    NOT NULL,
    place           TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    accompanied_on  TEXT    NULL,
    accompanied_by  TEXT    NULL,
    shelter_nights  INTEGER NULL
);

CREATE INDEX IF NOT EXISTS ix_case_referral_case ON oc_case_referral (case_id);

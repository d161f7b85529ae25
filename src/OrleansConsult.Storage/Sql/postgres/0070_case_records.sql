-- Case records: one row per case (LINE or 電話) for the monthly report. No personal data: consultee is
-- the case grain's pseudonymous key (or a per-call key for phone records), which links one person's cases
-- for 実人数. Flags are integers (0/1) and list values plain text, so the report's SQL is the same on
-- PostgreSQL and SQLite.
CREATE TABLE IF NOT EXISTS oc_case_record
(
    case_id                  varchar(64)  NOT NULL PRIMARY KEY,
    tenant_id                varchar(100) NOT NULL,
    consultee                varchar(100) NOT NULL,
    channel                  varchar(16)  NOT NULL,
    opened_at                timestamptz  NOT NULL,
    first_answered_at        timestamptz  NULL,
    closed_at                timestamptz  NULL,
    time_band                varchar(16)  NOT NULL,
    urgent                   integer      NOT NULL DEFAULT 0,
    answered_by              varchar(100) NULL,
    answered_by_pool         integer      NOT NULL DEFAULT 0,
    left_message             integer      NOT NULL DEFAULT 0,
    left_message_answered_at timestamptz  NULL,
    survey_score             integer      NULL,
    duration_minutes         integer      NULL,
    classified               integer      NOT NULL DEFAULT 0,
    age_band                 varchar(50)  NULL,
    pregnancy_weeks          varchar(50)  NULL
);

CREATE INDEX IF NOT EXISTS ix_case_record_tenant_opened ON oc_case_record (tenant_id, opened_at);
CREATE INDEX IF NOT EXISTS ix_case_record_opened ON oc_case_record (opened_at);

-- The multiple-choice parts of a classification: kind is 'topic' (相談内容) or 'action' (対応).
CREATE TABLE IF NOT EXISTS oc_case_label
(
    case_id varchar(64)  NOT NULL,
    kind    varchar(16)  NOT NULL,
    value   varchar(100) NOT NULL,
    PRIMARY KEY (case_id, kind, value)
);

-- Referrals (つなぎ) of a case, with 産科受診同行 (date as yyyy-MM-dd, by whom) and 居場所 nights.
CREATE TABLE IF NOT EXISTS oc_case_referral
(
    referral_id     varchar(64)  NOT NULL PRIMARY KEY,
    case_id         varchar(64)  NOT NULL,
    destination     varchar(100) NOT NULL,
    place           varchar(200) NOT NULL,
    status          varchar(50)  NOT NULL,
    accompanied_on  varchar(10)  NULL,
    accompanied_by  varchar(100) NULL,
    shelter_nights  integer      NULL
);

CREATE INDEX IF NOT EXISTS ix_case_referral_case ON oc_case_referral (case_id);

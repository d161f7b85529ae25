-- What retention and erasure need to find without opening sealed grain state.
--
-- oc_case_index: one row per case, written when it opens and when it closes. consultee is her
-- person key (a hash of the channel and LINE user id, the same key the outbox names recipients
-- by), never the id itself; no other personal data. The daily purge finds closed cases older than
-- their tenant's retention here; an erasure finds all of one consultee's cases.
CREATE TABLE IF NOT EXISTS oc_case_index
(
    case_id   varchar(64)  NOT NULL PRIMARY KEY,
    tenant_id varchar(100) NOT NULL,
    consultee varchar(64)  NOT NULL,
    opened_at timestamptz  NOT NULL,
    closed_at timestamptz  NULL
);

CREATE INDEX IF NOT EXISTS ix_case_index_consultee ON oc_case_index (consultee);
CREATE INDEX IF NOT EXISTS ix_case_index_tenant_closed ON oc_case_index (tenant_id, closed_at);

-- One row per erasure a consultee asked for (「相談記録の削除」): her person key, when, and how much
-- was deleted. No content. id comes from the event that confirmed it, so working that event again
-- after a crash records nothing twice.
CREATE TABLE IF NOT EXISTS oc_erasure
(
    id              varchar(64) NOT NULL PRIMARY KEY,
    consultee       varchar(64) NOT NULL,
    erased_at       timestamptz NOT NULL,
    cases           integer     NOT NULL,
    transcript_rows integer     NOT NULL,
    outbox_rows     integer     NOT NULL
);

-- Jobs that run once a day for the whole cluster (the retention purge). A silo claims the day with
-- a lease; done_for is the Asia/Tokyo date (yyyy-MM-dd) of the last completed run. A silo that dies
-- mid-run leaves its lease to run out, and another silo runs the day again (the purge is idempotent).
CREATE TABLE IF NOT EXISTS oc_daily_job
(
    job          varchar(100) NOT NULL PRIMARY KEY,
    done_for     varchar(10)  NOT NULL,
    holder       varchar(100) NULL,
    leased_until timestamptz  NULL
);

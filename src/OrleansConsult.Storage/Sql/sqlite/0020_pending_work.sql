-- See the PostgreSQL script: LINE user grains holding accepted work, and the silo each lives on.
CREATE TABLE IF NOT EXISTS oc_pending_work
(
    grain_key  TEXT    NOT NULL PRIMARY KEY,
    kind       INTEGER NOT NULL,
    owner      TEXT    NOT NULL,
    since      TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_pending_work_owner ON oc_pending_work (owner);

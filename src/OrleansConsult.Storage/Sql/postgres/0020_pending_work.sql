-- LINE user grains that hold accepted work, and the silo each lives on (see IPendingWorkRegistry).
-- When a silo dies, the others read its rows and activate those grains so their stored events are
-- worked within seconds instead of at the user's next message. grain_key is the grain's key (a
-- pseudonym of the LINE user, never her id); one row per grain, rewritten only when it moves.
CREATE TABLE IF NOT EXISTS oc_pending_work
(
    grain_key  varchar(200) NOT NULL PRIMARY KEY,
    kind       smallint     NOT NULL,
    owner      varchar(200) NOT NULL,
    since      timestamptz  NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_pending_work_owner ON oc_pending_work (owner);

-- See the PostgreSQL script: a dispatcher's queue, one sealed row per waiting case.
CREATE TABLE IF NOT EXISTS oc_dispatcher_queue
(
    dispatcher_key TEXT NOT NULL,
    case_id        TEXT NOT NULL,
    payload        BLOB NOT NULL,
    PRIMARY KEY (dispatcher_key, case_id)
);

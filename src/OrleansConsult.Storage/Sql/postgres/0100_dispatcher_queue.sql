-- A dispatcher's queue, one row per waiting case (IDispatcherQueueStore): a change writes only the cases it
-- touched. dispatcher_key is "tenant:…" or "pool:…"; payload is the sealed case (it holds a message preview),
-- bound to its dispatcher and case. The order is inside the payload (urgent, left message, arrival sequence).
CREATE TABLE IF NOT EXISTS oc_dispatcher_queue
(
    dispatcher_key varchar(200) NOT NULL,
    case_id        varchar(100) NOT NULL,
    payload        bytea        NOT NULL,
    PRIMARY KEY (dispatcher_key, case_id)
);

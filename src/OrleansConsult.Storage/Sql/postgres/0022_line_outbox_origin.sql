-- What an outbox row carries, when it relays a message of a case: "case|<case id>|<direction>|<event id>".
-- No personal data. Erasure deletes a case's rows by it (also those addressed to the counselor), and a
-- relay the outbox parks after queueing it is reported back to its case by it.
ALTER TABLE oc_line_outbox ADD COLUMN origin varchar(200) NULL;
CREATE INDEX ix_oc_line_outbox_origin ON oc_line_outbox (origin);

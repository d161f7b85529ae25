-- The supervisor's list of closed cases nobody classified (SqlCaseRecordStore.UnclassifiedAsync): per tenant,
-- oldest closed first.
CREATE INDEX IF NOT EXISTS ix_case_record_unclassified ON oc_case_record (tenant_id, classified, closed_at);

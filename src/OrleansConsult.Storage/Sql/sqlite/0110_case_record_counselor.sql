-- Who handles the case: the staff id the program knows her by (never a LINE user id); see the PostgreSQL script.
ALTER TABLE oc_case_record ADD COLUMN counselor_id TEXT NULL;

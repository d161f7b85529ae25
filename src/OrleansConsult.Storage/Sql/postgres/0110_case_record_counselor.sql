-- Who handles the case: the staff id the program knows her by (never a LINE user id), written at each connection (the
-- counselor who answered, or the one it was transferred to or a supervisor who took it over), so the console's case page
-- and its list of unclassified cases say who should classify it.
ALTER TABLE oc_case_record ADD COLUMN IF NOT EXISTS counselor_id text NULL;

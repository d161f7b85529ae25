-- The waits the report takes percentiles of (see the PostgreSQL script for the why): microseconds from opened_at to the
-- first answer and to the answer of a left message, written by the store; this script fills existing rows.
ALTER TABLE oc_case_record ADD COLUMN first_wait_us INTEGER NULL;
ALTER TABLE oc_case_record ADD COLUMN left_wait_us INTEGER NULL;

UPDATE oc_case_record
SET first_wait_us = CAST(ROUND((julianday(first_answered_at) - julianday(opened_at)) * 86400000000) AS INTEGER)
WHERE first_answered_at IS NOT NULL AND first_wait_us IS NULL;

UPDATE oc_case_record
SET left_wait_us = CAST(ROUND((julianday(left_message_answered_at) - julianday(opened_at)) * 86400000000) AS INTEGER)
WHERE left_message_answered_at IS NOT NULL AND left_wait_us IS NULL;

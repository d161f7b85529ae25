-- The program configuration, one row per saved version (see the PostgreSQL script for the why).
-- Times are UTC ISO-8601 text with a fixed 7-digit fraction.
CREATE TABLE IF NOT EXISTS oc_program_version
(
    version      INTEGER NOT NULL PRIMARY KEY,
    program_json TEXT    NOT NULL,
    author       TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    comment      TEXT    NULL
);

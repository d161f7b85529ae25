-- The program configuration (tenants, nurse pools, roster, crisis words), one row per saved version,
-- as JSON in the program file's shape. The highest version is the one in use; rows are only ever
-- added (a restore adds the old text as a new version). No consultee data: staff ids and names only.
CREATE TABLE IF NOT EXISTS oc_program_version
(
    version      integer      NOT NULL PRIMARY KEY,
    program_json text         NOT NULL,
    author       varchar(200) NOT NULL,
    created_at   timestamptz  NOT NULL,
    comment      text         NULL
);

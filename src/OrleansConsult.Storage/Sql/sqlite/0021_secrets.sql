-- See the PostgreSQL script: service-wide secrets sealed with the key ring.
CREATE TABLE IF NOT EXISTS oc_secrets
(
    name   TEXT NOT NULL PRIMARY KEY,
    value  BLOB NOT NULL
);

-- Service-wide secrets that must outlive key rotation, each sealed with the key ring (AES-GCM,
-- associated data "oc-secret:{name}"): today the key of the LINE user pseudonyms, created once by
-- whichever silo needs it first and then shared by every pod.
CREATE TABLE IF NOT EXISTS oc_secrets
(
    name   varchar(100) NOT NULL PRIMARY KEY,
    value  bytea        NOT NULL
);

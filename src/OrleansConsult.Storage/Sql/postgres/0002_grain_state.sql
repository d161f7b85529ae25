-- Grain state for Microsoft.Orleans.Persistence.AdoNet.
-- Contract (provider side): parameters GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash,
-- GrainTypeString, GrainIdExtensionString (nullable), ServiceId, GrainStateVersion (nullable),
-- PayloadBinary; results PayloadBinary + Version (read) and NewGrainStateVersion (write, clear).
-- A write that loses the optimistic-concurrency race must return the caller's own version
-- (or no row when it tried to insert) so the provider raises InconsistentStateException.
-- The extension key is stored as '' instead of NULL so the primary key can back ON CONFLICT.
CREATE TABLE IF NOT EXISTS oc_grain_state
(
    service_id      varchar(150) NOT NULL,
    grain_type_hash integer      NOT NULL,
    grain_id_hash   integer      NOT NULL,
    grain_type      varchar(512) NOT NULL,
    grain_id_n0     bigint       NOT NULL,
    grain_id_n1     bigint       NOT NULL,
    grain_id_ext    varchar(512) NOT NULL DEFAULT '',
    payload         bytea        NULL,
    version         integer      NOT NULL,
    modified_on     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', '
WITH ins AS (
    INSERT INTO oc_grain_state (service_id, grain_type_hash, grain_id_hash, grain_type, grain_id_n0, grain_id_n1, grain_id_ext, payload, version)
    SELECT @ServiceId, @GrainTypeHash, @GrainIdHash, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''), @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version),
upd AS (
    UPDATE oc_grain_state
    SET payload = @PayloadBinary, version = version + 1, modified_on = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
      AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''')
      AND version = @GrainStateVersion
    RETURNING version)
SELECT version AS NewGrainStateVersion FROM ins
UNION ALL SELECT version FROM upd
UNION ALL SELECT @GrainStateVersion WHERE @GrainStateVersion IS NOT NULL AND NOT EXISTS (SELECT 1 FROM upd);
'),
('ReadFromStorageKey', '
SELECT payload AS PayloadBinary, version AS Version
FROM oc_grain_state
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
  AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''');
'),
('ClearStorageKey', '
WITH upd AS (
    UPDATE oc_grain_state
    SET payload = NULL, version = version + 1, modified_on = now()
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
      AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''')
      AND version = @GrainStateVersion
    RETURNING version)
SELECT version AS NewGrainStateVersion FROM upd
UNION ALL SELECT @GrainStateVersion WHERE NOT EXISTS (SELECT 1 FROM upd);
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- Grain state for Microsoft.Orleans.Persistence.AdoNet on SQLite (the embedded default).
-- Same contract as the PostgreSQL script. A single upsert does insert-or-update under
-- optimistic concurrency; when it changed nothing (changes() = 0) the caller's own version is
-- returned so the provider raises InconsistentStateException.
CREATE TABLE IF NOT EXISTS oc_grain_state
(
    service_id      TEXT    NOT NULL,
    grain_type_hash INTEGER NOT NULL,
    grain_id_hash   INTEGER NOT NULL,
    grain_type      TEXT    NOT NULL,
    grain_id_n0     INTEGER NOT NULL,
    grain_id_n1     INTEGER NOT NULL,
    grain_id_ext    TEXT    NOT NULL DEFAULT '',
    payload         BLOB    NULL,
    version         INTEGER NOT NULL,
    modified_on     TEXT    NOT NULL,
    PRIMARY KEY (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', '
INSERT INTO oc_grain_state (service_id, grain_type_hash, grain_id_hash, grain_type, grain_id_n0, grain_id_n1, grain_id_ext, payload, version, modified_on)
SELECT @ServiceId, @GrainTypeHash, @GrainIdHash, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''), @PayloadBinary, 1, datetime(''now'')
WHERE @GrainStateVersion IS NULL
   OR EXISTS (SELECT 1 FROM oc_grain_state
              WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
                AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
                AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''') AND version = @GrainStateVersion)
ON CONFLICT (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext) DO UPDATE
SET payload = excluded.payload, version = oc_grain_state.version + 1, modified_on = excluded.modified_on
WHERE oc_grain_state.version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;
SELECT @GrainStateVersion AS NewGrainStateVersion WHERE changes() = 0 AND @GrainStateVersion IS NOT NULL;
'),
('ReadFromStorageKey', '
SELECT payload AS PayloadBinary, version AS Version
FROM oc_grain_state
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
  AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''');
'),
('ClearStorageKey', '
UPDATE oc_grain_state
SET payload = NULL, version = version + 1, modified_on = datetime(''now'')
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
  AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''') AND version = @GrainStateVersion
RETURNING version AS NewGrainStateVersion;
SELECT @GrainStateVersion AS NewGrainStateVersion WHERE changes() = 0;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

-- ClearStateAsync deletes the grain's row (see the PostgreSQL script for the why and the contract).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ClearStorageKey', '
DELETE FROM oc_grain_state
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
  AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''') AND version = @GrainStateVersion
RETURNING version + 1 AS NewGrainStateVersion;
SELECT @GrainStateVersion AS NewGrainStateVersion WHERE changes() = 0;
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

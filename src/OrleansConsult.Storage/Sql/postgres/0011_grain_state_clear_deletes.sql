-- ClearStateAsync deletes the grain's row instead of leaving it with an empty payload: an erased
-- consultee or an expired case leaves nothing behind, not even its grain key. Same contract as
-- before: the delete happens only at the caller's version, and answers a new version (so the
-- provider accepts it); a lost race answers the caller's own version (InconsistentStateException).
-- A grain that writes again after clearing must read first (its ETag then is null and it inserts).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ClearStorageKey', '
WITH del AS (
    DELETE FROM oc_grain_state
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash AND service_id = @ServiceId
      AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''')
      AND version = @GrainStateVersion
    RETURNING version)
SELECT version + 1 AS NewGrainStateVersion FROM del
UNION ALL SELECT @GrainStateVersion WHERE NOT EXISTS (SELECT 1 FROM del);
')
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;

namespace OrleansConsult.Storage;

/// <summary>The key columns of one row of oc_grain_state (the AdoNet grain storage table), as the rekey command reads them.</summary>
public sealed record GrainStateRow(
    string ServiceId,
    int GrainTypeHash,
    int GrainIdHash,
    string GrainType,
    long GrainIdN0,
    long GrainIdN1,
    string GrainIdExtension,
    int Version);

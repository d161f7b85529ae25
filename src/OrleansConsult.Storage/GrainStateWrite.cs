namespace OrleansConsult.Storage;

/// <summary>One grain's state write for <see cref="GrainStateBatchWriter"/>: its row key, the version it read (null: no row yet) and its sealed payload.</summary>
public sealed record GrainStateWrite(int GrainIdHash, int GrainTypeHash, string GrainType, GrainStateKey Key, int? ExpectedVersion, byte[] Payload);

namespace OrleansConsult.Storage;

/// <summary>
/// Which grain's state is being read or written right now, for the serializer that seals it. The
/// Orleans serializer is not told the grain, so <see cref="GrainBoundStorage"/> sets this around each
/// storage call (it flows into the AdoNet provider's awaits and is gone when the call returns).
/// </summary>
public static class GrainStateBinding
{
    private static readonly AsyncLocal<string?> CurrentContext = new();

    /// <summary>The associated data of the grain state being read or written, if any.</summary>
    public static string? Current => CurrentContext.Value;

    /// <summary>Binds the rest of the calling async flow to one grain's state (set inside an async method, it ends with it).</summary>
    public static void Enter(string associatedData) => CurrentContext.Value = associatedData;

    /// <summary>
    /// The associated data for <paramref name="grainId"/>'s state <paramref name="stateName"/>: the same
    /// key columns the AdoNet provider writes (a Guid or integer key with its extension, else the key
    /// string), so the rekey command derives the same value from the row.
    /// </summary>
    public static string For(string serviceId, string stateName, GrainId grainId) =>
        For(serviceId, stateName, GrainStateKey.Of(grainId));

    public static string For(string serviceId, string stateName, GrainStateKey key) =>
        SealedRows.GrainState(serviceId, stateName, key.N0, key.N1, key.Extension);
}

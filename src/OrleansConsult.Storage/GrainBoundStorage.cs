using Orleans.Storage;

namespace OrleansConsult.Storage;

/// <summary>
/// Wraps the AdoNet grain storage so every state blob is sealed bound to its own grain (see
/// <see cref="GrainStateBinding"/>): a blob copied onto another grain's row does not open. It also
/// passes the silo's start-up on to the provider it wraps (the provider reads its queries then). On
/// PostgreSQL, writes go through <paramref name="batched"/> (many grains per statement); reads and clears
/// stay with the provider.
/// </summary>
public sealed class GrainBoundStorage(IGrainStorage inner, string serviceId, GrainStateBatchWriter? batched = null) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        GrainStateBinding.Enter(GrainStateBinding.For(serviceId, stateName, grainId));
        await inner.ReadStateAsync(stateName, grainId, grainState, cancellationToken);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        // The key is worked out once: it names the sealing binding and, when batched, the row.
        var key = GrainStateKey.Of(grainId);
        GrainStateBinding.Enter(GrainStateBinding.For(serviceId, stateName, key));
        // (The provider rewrites generic type names before it hashes them; ours are plain, but leave any such to it.)
        if (batched is not null && !stateName.Contains('`'))
        {
            await batched.WriteStateAsync(stateName, grainId, key, grainState);
            return;
        }
        await inner.WriteStateAsync(stateName, grainId, grainState, cancellationToken);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        GrainStateBinding.Enter(GrainStateBinding.For(serviceId, stateName, grainId));
        await inner.ClearStateAsync(stateName, grainId, grainState, cancellationToken);
    }

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}

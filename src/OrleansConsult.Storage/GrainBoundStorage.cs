using Orleans.Storage;

namespace OrleansConsult.Storage;

/// <summary>
/// Wraps the AdoNet grain storage so every state blob is sealed bound to its own grain (see
/// <see cref="GrainStateBinding"/>): a blob copied onto another grain's row does not open. It also
/// passes the silo's start-up on to the provider it wraps (the provider reads its queries then).
/// </summary>
public sealed class GrainBoundStorage(IGrainStorage inner, string serviceId) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
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
        GrainStateBinding.Enter(GrainStateBinding.For(serviceId, stateName, grainId));
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

using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Programs;

/// <summary>Puts a program version in use on the silo it lives on (see <see cref="ISiloProgramGrain"/>).</summary>
[SiloTargetPlacement]
public sealed class SiloProgramGrain(ProgramInUse inUse) : Grain, ISiloProgramGrain
{
    public Task<int> UseAsync(ProgramVersion version)
    {
        inUse.Apply(version);
        return Task.FromResult(inUse.Version);
    }
}

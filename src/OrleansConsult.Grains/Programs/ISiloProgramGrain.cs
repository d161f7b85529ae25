using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Programs;

/// <summary>
/// One per silo (keyed by the silo's address, placed on it by <see cref="SiloTargetPlacementAttribute"/>):
/// the address a newly saved program version is sent to so that silo puts it in use.
/// </summary>
[Alias("oc.ISiloProgramGrain")]
public interface ISiloProgramGrain : IGrainWithStringKey
{
    /// <summary>Puts the version in use on this silo unless a newer one is; returns the version in use afterwards.</summary>
    [Alias("Use")]
    Task<int> UseAsync(ProgramVersion version);
}

using Orleans.Runtime.Placement;

namespace OrleansConsult.Grains.Programs;

/// <summary>
/// Puts a <see cref="SiloTargetPlacementAttribute"/> grain on the silo named by its key, and nowhere else:
/// a message for a silo that has left fails rather than reaching another silo in its place.
/// </summary>
public sealed class SiloTargetPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wanted = SiloAddress.FromParsableString(target.GrainIdentity.Key.ToString()!);
        return context.GetCompatibleSilos(target).Contains(wanted)
            ? Task.FromResult(wanted)
            : throw new OrleansException($"Silo {wanted} is not active; {target.GrainIdentity} is not placed elsewhere.");
    }
}

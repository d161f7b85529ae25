namespace OrleansConsult.Grains.Programs;

/// <summary>Places a grain on the silo its key names (a silo address, <c>SiloAddress.ToParsableString()</c>).</summary>
public sealed class SiloTargetPlacementStrategy : PlacementStrategy
{
    public static readonly SiloTargetPlacementStrategy Instance = new();
}

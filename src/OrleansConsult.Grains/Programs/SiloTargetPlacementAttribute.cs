using Orleans.Placement;

namespace OrleansConsult.Grains.Programs;

/// <summary>Marks a grain whose key is the address of the silo it must live on (<see cref="SiloTargetPlacementDirector"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloTargetPlacementAttribute() : PlacementAttribute(SiloTargetPlacementStrategy.Instance);

namespace OrleansConsult.Tenancy;

/// <summary>A prefecture or city name as written (富山県) plus what people type for it (とやま, toyama).</summary>
public sealed record AreaName(string Name, IReadOnlyList<string> Aliases);

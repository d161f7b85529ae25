namespace OrleansConsult.Grains.Supervision;

/// <summary>A supervisor watching a case, and the staff LINE user her copies go to.</summary>
[GenerateSerializer, Immutable, Alias("oc.CaseWatcher")]
public sealed record CaseWatcher([property: Id(0)] string SupervisorId, [property: Id(1)] string StaffLineKey);

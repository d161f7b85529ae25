namespace OrleansConsult.Abstractions;

/// <summary>
/// The live board's view of a tenant's or pool's supervisor desk: unanswered calls (未対応のSV要請) and the latest
/// one (case tag and time only), supervisors on shift. <see cref="Version"/> changes whenever any of it changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.SupervisorCallSummary")]
public sealed record SupervisorCallSummary(
    [property: Id(0)] int Unanswered,
    [property: Id(1)] DateTimeOffset? LatestAt,
    [property: Id(2)] string? LatestTag,
    [property: Id(3)] bool LatestWentToPhones,
    [property: Id(4)] int SupervisorsOnShift,
    [property: Id(5)] long Version);

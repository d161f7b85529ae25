namespace OrleansConsult.Abstractions;

/// <summary>An offer shown on a counselor's phone.</summary>
[GenerateSerializer, Immutable, Alias("oc.Offer")]
public sealed record Offer(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string DispatcherKey,
    [property: Id(2)] string AreaName,
    [property: Id(3)] bool Urgent,
    [property: Id(4)] string? Preview,
    [property: Id(5)] DateTimeOffset WaitingSince,
    [property: Id(6)] DateTimeOffset Deadline,
    [property: Id(7)] long OfferNumber);

namespace OrleansConsult.Abstractions;

/// <summary>One queued case on the board: its tag (#K3F2) and routing facts only, never what she wrote.</summary>
/// <param name="Since">When it came into this queue.</param>
/// <param name="OfferedTo">The display name of the counselor it is offered to, while an offer is out.</param>
[GenerateSerializer, Immutable, Alias("oc.BoardCase")]
public sealed record BoardCase(
    [property: Id(0)] string Tag,
    [property: Id(1)] bool Urgent,
    [property: Id(2)] BoardCaseState State,
    [property: Id(3)] string AreaName,
    [property: Id(4)] DateTimeOffset Since,
    [property: Id(5)] string? OfferedTo);

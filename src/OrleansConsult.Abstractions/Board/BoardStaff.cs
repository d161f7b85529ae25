namespace OrleansConsult.Abstractions;

/// <summary>A counselor on shift as her dispatcher last heard of her: status, load against capacity, idle since.</summary>
/// <param name="HasOffer">Whether an offer of this queue is out to her now.</param>
[GenerateSerializer, Immutable, Alias("oc.BoardStaff")]
public sealed record BoardStaff(
    [property: Id(0)] string StaffId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] Presence Presence,
    [property: Id(3)] int ActiveCases,
    [property: Id(4)] int Capacity,
    [property: Id(5)] DateTimeOffset IdleSince,
    [property: Id(6)] bool HasOffer);

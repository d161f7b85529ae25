namespace OrleansConsult.Abstractions;

/// <summary>
/// A counselor's state as her dispatcher sees it. <see cref="HeldOffers"/> and
/// <see cref="LastOfferNumber"/> let the dispatcher see an offer it believes outstanding that she no
/// longer holds; <see cref="OffShiftAt"/> is when her shift ends by itself (her area's closing).
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.CounselorStatus")]
public sealed record CounselorStatus(
    [property: Id(0)] string CounselorId,
    [property: Id(1)] Presence Presence,
    [property: Id(2)] int Capacity,
    [property: Id(3)] int ActiveCases,
    [property: Id(4)] DateTimeOffset IdleSince,
    [property: Id(5)] IReadOnlyList<string>? HeldOffers = null,
    [property: Id(6)] long LastOfferNumber = 0,
    [property: Id(7)] DateTimeOffset? OffShiftAt = null);

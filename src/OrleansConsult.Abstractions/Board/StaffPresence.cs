namespace OrleansConsult.Abstractions;

/// <summary>
/// A counselor's presence for the console's staff page: whether a LINE user is bound to her, her status,
/// her open cases and pending offers by tag, idle since, and when her shift ends by itself. No LINE ids.
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.StaffPresence")]
public sealed record StaffPresence(
    [property: Id(0)] string StaffId,
    [property: Id(1)] bool Bound,
    [property: Id(2)] Presence Presence,
    [property: Id(3)] IReadOnlyList<string> OpenCaseTags,
    [property: Id(4)] IReadOnlyList<string> OfferTags,
    [property: Id(5)] DateTimeOffset IdleSince,
    [property: Id(6)] DateTimeOffset? OffShiftAt);

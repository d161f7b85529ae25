namespace OrleansConsult.Abstractions;

[GenerateSerializer, Immutable, Alias("oc.CounselorSnapshot")]
public sealed record CounselorSnapshot(
    [property: Id(0)] string? StaffLineKey,
    [property: Id(1)] Presence Presence,
    [property: Id(2)] IReadOnlyList<string> ActiveCases,
    [property: Id(3)] string? CurrentCase,
    [property: Id(4)] IReadOnlyList<string> PendingOffers);

namespace OrleansConsult.Abstractions;

[GenerateSerializer, Immutable, Alias("oc.CaseSummary")]
public sealed record CaseSummary(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string Tag,
    [property: Id(2)] string TenantId,
    [property: Id(3)] CaseStatus Status,
    [property: Id(4)] bool Urgent,
    [property: Id(5)] string? HandledBy,
    [property: Id(6)] string? CounselorId,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset? FirstOfferedAt,
    [property: Id(9)] DateTimeOffset? AcceptedAt,
    [property: Id(10)] DateTimeOffset? ClosedAt,
    [property: Id(11)] string? ClosedReason,
    [property: Id(12)] bool NightOrHoliday,
    [property: Id(13)] int? Satisfaction,
    [property: Id(14)] IReadOnlyList<string> Notes,
    [property: Id(15)] IReadOnlyList<JournalEntry> Journal,
    [property: Id(16)] string AreaName);

namespace OrleansConsult.Abstractions;

/// <summary>What a dispatcher needs to queue and offer a case.</summary>
[GenerateSerializer, Immutable, Alias("oc.CaseTicket")]
public sealed record CaseTicket(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string TenantId,
    [property: Id(2)] string AreaName,
    [property: Id(3)] bool Urgent,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string? PreferredCounselorId,
    [property: Id(6)] string? Preview,
    [property: Id(7)] bool LeftMessage = false,
    [property: Id(8)] IReadOnlyList<string>? Excluded = null);

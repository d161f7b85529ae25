namespace OrleansConsult.Abstractions;

/// <summary>A new case, made by the consultee's grain; its id comes from the event that asked for it.</summary>
[GenerateSerializer, Immutable, Alias("oc.CaseRequest")]
public sealed record CaseRequest(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string AreaName,
    [property: Id(7)] string ConsulteeKey,
    [property: Id(4)] bool Urgent,
    [property: Id(5)] string? PreferredCounselorId,
    [property: Id(6)] string? FirstText);
// Ids 2 and 3 held her channel and LINE user id; retired (the case names her by her grain key only).

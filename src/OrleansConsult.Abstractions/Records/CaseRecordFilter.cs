namespace OrleansConsult.Abstractions.Records;

/// <summary>What the console's case list narrows by; a null tenant list means every tenant (national).</summary>
public sealed record CaseRecordFilter(
    IReadOnlyCollection<string>? Tenants,
    DateTimeOffset From,
    DateTimeOffset To,
    string? Channel = null,
    bool? Closed = null,
    bool? Urgent = null,
    bool UnclassifiedOnly = false,
    int Max = 500);

namespace OrleansConsult.Abstractions.Records;

/// <summary>What the counselor recorded about a case; values come from <see cref="CaseRecordLists"/>.</summary>
public sealed record CaseClassification(
    IReadOnlyList<string> Topics,
    string? AgeBand,
    string? PregnancyWeeks,
    IReadOnlyList<string> Actions);

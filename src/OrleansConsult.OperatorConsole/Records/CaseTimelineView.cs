using OrleansConsult.Abstractions;

namespace OrleansConsult.OperatorConsole.Records;

/// <summary>What the case grain holds that the record does not: the routing journal, the counselor's notes, the survey, the status now.</summary>
public sealed record CaseTimelineView(IReadOnlyList<TimelineStep> Steps, IReadOnlyList<string> Notes, int? Survey, CaseStatus Status);

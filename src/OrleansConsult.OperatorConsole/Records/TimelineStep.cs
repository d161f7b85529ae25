namespace OrleansConsult.OperatorConsole.Records;

/// <summary>One step of a case's routing journal as the case page shows it.</summary>
public sealed record TimelineStep(DateTimeOffset At, string Step, string Where, string? CounselorId, string? Reason);

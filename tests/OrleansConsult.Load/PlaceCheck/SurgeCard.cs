namespace OrleansConsult.Load;

/// <summary>An offer card (「新しい相談があります」) on counselor <paramref name="Counselor"/>'s phone: its case, the simulator's delivery sequence and time.</summary>
public sealed record SurgeCard(string CaseId, int Counselor, long Sequence, DateTimeOffset At);

using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Board;

/// <summary>What a supervisor's 退勤 did, and her presence just before (for the audit log's before and after).</summary>
public sealed record ShiftEndResult(ShiftEndOutcome Outcome, Presence? Before);

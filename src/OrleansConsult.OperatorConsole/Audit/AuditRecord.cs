namespace OrleansConsult.OperatorConsole.Audit;

/// <summary>One stored row of the audit log, with its place in the hash chain.</summary>
public sealed record AuditRecord(
    long Seq,
    DateTimeOffset At,
    string Actor,
    string Action,
    string? Tenant,
    string? Target,
    string? BeforeJson,
    string? AfterJson,
    string PrevHash,
    string Hash);

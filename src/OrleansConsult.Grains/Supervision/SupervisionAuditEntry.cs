namespace OrleansConsult.Grains.Supervision;

/// <summary>
/// One supervision step for the audit log: the staff id who did it, the step ("sv-watch", "sv-whisper",
/// "sv-takeover", …), the tenant or pool, the case id, and a reason without message text.
/// </summary>
public sealed record SupervisionAuditEntry(string StaffId, string Step, string DispatcherKey, string TenantId, string CaseId, string? Reason);

namespace OrleansConsult.OperatorConsole.Audit;

/// <summary>
/// What happened, to be appended. No personal data: the actor is a console account's user name,
/// the target an id (account, invitation, staff id, setting name), before/after JSON of settings only.
/// </summary>
public sealed record AuditEntry(
    string Actor,
    string Action,
    string? Tenant = null,
    string? Target = null,
    string? BeforeJson = null,
    string? AfterJson = null);

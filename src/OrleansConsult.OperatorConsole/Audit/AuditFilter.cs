namespace OrleansConsult.OperatorConsole.Audit;

/// <summary>What the auditor's page asks for. Null fields do not filter. Tenants limits a scoped reader (null: all).</summary>
public sealed record AuditFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? Until = null,
    string? Actor = null,
    string? Action = null,
    string? Tenant = null,
    int Limit = 500);

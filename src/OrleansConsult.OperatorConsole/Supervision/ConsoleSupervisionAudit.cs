using System.Text.Json;
using OrleansConsult.Grains.Supervision;
using OrleansConsult.OperatorConsole.Audit;

namespace OrleansConsult.OperatorConsole.Supervision;

/// <summary>
/// Supervision steps from the case grains into the console's audit log: the staff id as actor, the case id as
/// target, the tenant, and the step's reason (never message text).
/// </summary>
public sealed class ConsoleSupervisionAudit(IAuditLog log) : ISupervisionAudit
{
    public async Task RecordAsync(SupervisionAuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await log.AppendAsync(new AuditEntry($"staff:{entry.StaffId}", SupervisionAuditActions.For(entry.Step), entry.TenantId, entry.CaseId,
            AfterJson: JsonSerializer.Serialize(new { desk = entry.DispatcherKey, reason = entry.Reason })), cancellationToken);
    }
}

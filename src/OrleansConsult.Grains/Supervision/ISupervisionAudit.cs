namespace OrleansConsult.Grains.Supervision;

/// <summary>
/// Where supervision steps go besides the case's routing journal: the console's audit log when the console is
/// hosted (it registers one), nothing otherwise. A failed write is logged and never stops the chat.
/// </summary>
public interface ISupervisionAudit
{
    Task RecordAsync(SupervisionAuditEntry entry, CancellationToken cancellationToken = default);
}

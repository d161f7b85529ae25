using System.Data.Common;
using OrleansConsult.Grains.Programs;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Audit;

namespace OrleansConsult.OperatorConsole.ProgramEditing;

/// <summary>Every saved program change in the console's audit log (in the version's own transaction): who, the version, the part changed, before and after.</summary>
public sealed class ConsoleProgramChangeAudit(IAuditLog log) : IProgramChangeAudit
{
    public const string Action = "program.changed";

    public async Task RecordAsync(ProgramChange change, DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await log.AppendAsync(transaction, new AuditEntry(change.Author, Action, TenantOf(change.Owner),
            $"版 {change.Version}: {change.Subject}{(change.Comment is { } c ? $"（{c}）" : "")}", change.Before, change.After), cancellationToken);
    }

    /// <summary>The audit log's tenant field: "toyama" for tenant:toyama, "pool:national" for a pool.</summary>
    public static string? TenantOf(string? dispatcherKey)
    {
        if (dispatcherKey is null)
        {
            return null;
        }
        var (kind, id) = ProgramDocument.SplitKey(dispatcherKey);
        return kind == "pool" ? ScopeKey.Pool(id).ToString() : ScopeKey.Tenant(id).ToString();
    }
}

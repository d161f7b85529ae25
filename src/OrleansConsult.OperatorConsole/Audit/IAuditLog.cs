namespace OrleansConsult.OperatorConsole.Audit;

/// <summary>
/// The append-only audit log. Call <see cref="AppendAsync"/> for every change an operator makes
/// (who, what, which tenant, target id, before/after JSON without personal data). There is no
/// update or delete.
/// </summary>
public interface IAuditLog
{
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Appends inside the caller's transaction on the same database; the row lands only if that transaction commits.</summary>
    Task<AuditRecord> AppendAsync(System.Data.Common.DbTransaction transaction, AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Every row in chain order, for verification.</summary>
    IAsyncEnumerable<AuditRecord> ReadAllAsync(CancellationToken cancellationToken = default);
}

using System.Collections.Concurrent;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Tests.Conversation;

/// <summary>The case index in memory, for grain tests.</summary>
public sealed class MemoryCaseIndex : ICaseIndex
{
    public sealed record Row(string CaseId, string TenantId, string ConsulteeKey, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);

    private readonly ConcurrentDictionary<string, Row> _rows = new();

    public Task OpenedAsync(string caseId, string tenantId, string consulteeKey, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        _rows.TryAdd(caseId, new Row(caseId, tenantId, consulteeKey, at, null));
        return Task.CompletedTask;
    }

    public Task ClosedAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (_rows.TryGetValue(caseId, out var row))
        {
            _rows[caseId] = row with { ClosedAt = at };
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> CasesOfAsync(string consulteeKey, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(_rows.Values.Where(r => r.ConsulteeKey == consulteeKey).OrderBy(r => r.OpenedAt).Select(r => r.CaseId).ToList());

    public Task ForgetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        _rows.TryRemove(caseId, out _);
        return Task.CompletedTask;
    }

    public Row? Find(string caseId) => _rows.GetValueOrDefault(caseId);
}

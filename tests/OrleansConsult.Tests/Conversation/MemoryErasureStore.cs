using System.Collections.Concurrent;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Tests.Conversation;

/// <summary>Erasure records and a count of outbox rows per person key, in memory, for grain tests.</summary>
public sealed class MemoryErasureStore : IErasureStore
{
    private readonly ConcurrentDictionary<string, ErasureRecord> _records = new();
    private readonly ConcurrentDictionary<string, int> _outboxRows = new();

    /// <summary>Pretends the outbox holds <paramref name="rows"/> rows for her.</summary>
    public void AddOutboxRows(string consulteeKey, int rows) => _outboxRows.AddOrUpdate(consulteeKey, rows, (_, n) => n + rows);

    public int OutboxRowsOf(string consulteeKey) => _outboxRows.GetValueOrDefault(consulteeKey);

    public Task<int> DeleteOutboxRowsAsync(string consulteeKey, IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default) =>
        Task.FromResult((_outboxRows.TryRemove(consulteeKey, out var rows) ? rows : 0)
            + caseIds.Sum(caseId => _outboxRows.TryRemove(OutboxOrigins.CasePrefix(caseId), out var relayed) ? relayed : 0));

    public Task RecordAsync(ErasureRecord record, CancellationToken cancellationToken = default)
    {
        _records.TryAdd(record.Id, record);
        return Task.CompletedTask;
    }

    public IReadOnlyList<ErasureRecord> RecordsOf(string consulteeKey) => _records.Values.Where(r => r.ConsulteeKey == consulteeKey).ToList();
}

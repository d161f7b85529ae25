using System.Collections.Concurrent;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Tests.Conversation;

/// <summary>
/// The dispatchers' queue rows for in-process test clusters. One instance is shared by every silo of every test
/// cluster in the process (a silo that dies takes nothing with it), so the rows are kept per cluster id: tests
/// use the same tenant keys in different clusters.
/// </summary>
public sealed class MemoryDispatcherQueueStore(string clusterId) : IDispatcherQueueStore
{
    private static readonly ConcurrentDictionary<(string Cluster, string Dispatcher), Dictionary<string, byte[]>> Rows = new();

    private Dictionary<string, byte[]> Queue(string dispatcherKey) => Rows.GetOrAdd((clusterId, dispatcherKey), _ => new(StringComparer.Ordinal));

    public Task<IReadOnlyList<DispatcherQueueRow>> LoadAsync(string dispatcherKey, CancellationToken cancellationToken = default)
    {
        var queue = Queue(dispatcherKey);
        lock (queue)
        {
            return Task.FromResult<IReadOnlyList<DispatcherQueueRow>>(queue.Select(r => new DispatcherQueueRow(r.Key, r.Value.ToArray())).ToList());
        }
    }

    public Task SaveAsync(string dispatcherKey, IReadOnlyList<DispatcherQueueRow> changed, IReadOnlyCollection<string> removed, CancellationToken cancellationToken = default)
    {
        var queue = Queue(dispatcherKey);
        lock (queue)
        {
            foreach (var row in changed)
            {
                queue[row.CaseId] = row.Payload.ToArray();
            }
            foreach (var caseId in removed)
            {
                queue.Remove(caseId);
            }
        }
        return Task.CompletedTask;
    }
}

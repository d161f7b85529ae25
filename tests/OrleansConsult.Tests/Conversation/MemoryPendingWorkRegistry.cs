using System.Collections.Concurrent;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Tests.Conversation;

/// <summary>The pending-work registry for the in-process test cluster (one silo, "test").</summary>
public sealed class MemoryPendingWorkRegistry : IPendingWorkRegistry
{
    private readonly ConcurrentDictionary<string, LineUserKind> _entries = new(StringComparer.Ordinal);

    public bool Holds(string grainKey) => _entries.ContainsKey(grainKey);

    public Task RegisterAsync(string grainKey, LineUserKind kind, CancellationToken cancellationToken = default)
    {
        _entries[grainKey] = kind;
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string grainKey, CancellationToken cancellationToken = default)
    {
        _entries.TryRemove(grainKey, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(string GrainKey, LineUserKind Kind, string Owner)>> OrphanedAsync(IReadOnlySet<string> liveSilos, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<(string, LineUserKind, string)>>([]);

    public Task ForgetOrphanAsync(string grainKey, string deadOwner, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

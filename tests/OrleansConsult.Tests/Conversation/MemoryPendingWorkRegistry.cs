using System.Collections.Concurrent;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Tests.Conversation;

/// <summary>
/// The pending-work registry for the in-process test cluster. Its one silo never dies, so an entry is orphaned only
/// when its grain handed it to no silo (<see cref="OrphanAsync"/>).
/// </summary>
public sealed class MemoryPendingWorkRegistry : IPendingWorkRegistry
{
    private readonly ConcurrentDictionary<string, (LineUserKind Kind, bool Orphaned)> _entries = new(StringComparer.Ordinal);

    public bool IsOrphaned(string grainKey) => _entries.TryGetValue(grainKey, out var entry) && entry.Orphaned;

    public Task RegisterAsync(string grainKey, LineUserKind kind, CancellationToken cancellationToken = default)
    {
        _entries[grainKey] = (kind, false);
        return Task.CompletedTask;
    }

    public Task OrphanAsync(string grainKey, CancellationToken cancellationToken = default)
    {
        if (_entries.TryGetValue(grainKey, out var entry))
        {
            _entries.TryUpdate(grainKey, entry with { Orphaned = true }, entry);
        }
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string grainKey, CancellationToken cancellationToken = default)
    {
        _entries.TryRemove(grainKey, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(string GrainKey, LineUserKind Kind, string Owner)>> OrphanedAsync(IReadOnlySet<string> liveSilos, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<(string, LineUserKind, string)>>(
            [.. _entries.Where(e => e.Value.Orphaned).Take(max).Select(e => (e.Key, e.Value.Kind, IPendingWorkRegistry.NoSilo))]);

    public Task ForgetOrphanAsync(string grainKey, string deadOwner, CancellationToken cancellationToken = default)
    {
        // Only while still orphaned: a woken grain that still holds work has registered itself again.
        if (deadOwner == IPendingWorkRegistry.NoSilo && _entries.TryGetValue(grainKey, out var entry) && entry.Orphaned)
        {
            _entries.TryRemove(KeyValuePair.Create(grainKey, entry));
        }
        return Task.CompletedTask;
    }
}

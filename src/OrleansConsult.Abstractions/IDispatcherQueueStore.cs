namespace OrleansConsult.Abstractions;

/// <summary>
/// A dispatcher's queue kept as one row per waiting case, so a change writes the cases it touched and not the
/// whole queue (a queue of thousands in one blob made every offer rewrite all of it). The payload is the
/// dispatcher's own serialized form of the case; the store seals it (it holds a message preview).
/// </summary>
public interface IDispatcherQueueStore
{
    /// <summary>Every row of <paramref name="dispatcherKey"/>'s queue, in no particular order (the dispatcher sorts).</summary>
    Task<IReadOnlyList<DispatcherQueueRow>> LoadAsync(string dispatcherKey, CancellationToken cancellationToken = default);

    /// <summary>Writes the changed rows and deletes the cases that left, all or nothing, in one round trip where the database allows.</summary>
    Task SaveAsync(string dispatcherKey, IReadOnlyList<DispatcherQueueRow> changed, IReadOnlyCollection<string> removed, CancellationToken cancellationToken = default);
}

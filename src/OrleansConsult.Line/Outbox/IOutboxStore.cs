namespace OrleansConsult.Line.Outbox;

/// <summary>Durable store of undelivered pushes. The Host provides the SQL one; <see cref="InMemoryOutboxStore"/> is for tests.</summary>
public interface IOutboxStore
{
    /// <summary>Adds the item (parked at its <see cref="OutboxItem.CreatedAt"/> when it has a park reason); an item whose Id is already stored is left as it is.</summary>
    Task EnqueueAsync(OutboxItem item, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="max"/> undelivered items due at <paramref name="now"/>, oldest due first.
    /// A claimed item is not returned again until it is rescheduled (or the store's claim lease ends).
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> DequeueDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    Task MarkDeliveredAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Counts a failed attempt and sets when to try again.</summary>
    Task RescheduleAsync(Guid id, DateTimeOffset nextAttempt, string lastError, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps the item without re-sending it (LINE refused it, or it ran out of attempts) until
    /// <see cref="ReleaseParkedAsync"/>; <paramref name="at"/> is when, for the release and the purge windows.
    /// </summary>
    Task ParkAsync(Guid id, OutboxParkReason reason, string lastError, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes parked items due at once again (same retry key), those of <paramref name="reason"/> or all when null,
    /// parked before <paramref name="parkedBefore"/>. Returns how many.
    /// </summary>
    Task<int> ReleaseParkedAsync(OutboxParkReason? reason, DateTimeOffset parkedBefore, CancellationToken cancellationToken = default);

    /// <summary>Whether a message to this one user is still waiting (not parked): a new one must queue behind it.</summary>
    Task<bool> HasPendingForAsync(string channel, string userId, CancellationToken cancellationToken = default);
}

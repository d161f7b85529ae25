namespace OrleansConsult.Line.Outbox;

/// <summary>For tests and development: not durable. A claim is leased for <see cref="ClaimLease"/>.</summary>
public sealed class InMemoryOutboxStore : IOutboxStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Entry> _items = [];

    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(5);

    private sealed class Entry(OutboxItem item)
    {
        public OutboxItem Item { get; set; } = item;
        public bool Delivered { get; set; }
        public DateTimeOffset? ClaimedUntil { get; set; }
        public DateTimeOffset? ParkedAt { get; set; } = item.ParkReason is null ? null : item.CreatedAt;
        public bool IsWaiting => !Delivered && ParkedAt is null;
    }

    public Task EnqueueAsync(OutboxItem item, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _items.TryAdd(item.Id, new Entry(item));
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxItem>> DequeueDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var due = _items.Values
                .Where(e => e.IsWaiting && e.Item.NextAttemptAt <= now && (e.ClaimedUntil is null || e.ClaimedUntil <= now))
                .OrderBy(e => e.Item.NextAttemptAt)
                .Take(max)
                .ToList();
            foreach (var entry in due)
            {
                entry.ClaimedUntil = now + ClaimLease;
            }
            return Task.FromResult<IReadOnlyList<OutboxItem>>(due.Select(e => e.Item).ToList());
        }
    }

    public Task MarkDeliveredAsync(Guid id, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_items.TryGetValue(id, out var entry))
            {
                entry.Delivered = true;
                entry.ClaimedUntil = null;
            }
        }
        return Task.CompletedTask;
    }

    public Task RescheduleAsync(Guid id, DateTimeOffset nextAttempt, string lastError, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_items.TryGetValue(id, out var entry))
            {
                entry.Item = entry.Item with { Attempts = entry.Item.Attempts + 1, NextAttemptAt = nextAttempt, LastError = lastError };
                entry.ClaimedUntil = null;
            }
        }
        return Task.CompletedTask;
    }

    public Task ParkAsync(Guid id, OutboxParkReason reason, string lastError, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_items.TryGetValue(id, out var entry))
            {
                entry.Item = entry.Item with { Attempts = entry.Item.Attempts + 1, LastError = lastError, ParkReason = reason };
                entry.ParkedAt = at;
                entry.ClaimedUntil = null;
            }
        }
        return Task.CompletedTask;
    }

    public Task<int> ReleaseParkedAsync(OutboxParkReason? reason, DateTimeOffset parkedBefore, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var released = _items.Values
                .Where(e => !e.Delivered && e.ParkedAt < parkedBefore && (reason is null || e.Item.ParkReason == reason))
                .ToList();
            foreach (var entry in released)
            {
                entry.Item = entry.Item with { NextAttemptAt = entry.ParkedAt!.Value, ParkReason = null };
                entry.ParkedAt = null;
            }
            return Task.FromResult(released.Count);
        }
    }

    public Task<bool> HasPendingForAsync(string channel, string userId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_items.Values.Any(e => e.IsWaiting && e.Item.Channel == channel && e.Item.To is [var to] && to == userId));
        }
    }

    /// <summary>Items waiting to be sent (not delivered, not parked; a snapshot, for assertions).</summary>
    public IReadOnlyList<OutboxItem> Pending
    {
        get
        {
            lock (_gate)
            {
                return _items.Values.Where(e => e.IsWaiting).Select(e => e.Item).ToList();
            }
        }
    }

    /// <summary>Parked items (a snapshot, for assertions).</summary>
    public IReadOnlyList<OutboxItem> Parked
    {
        get
        {
            lock (_gate)
            {
                return _items.Values.Where(e => !e.Delivered && e.ParkedAt is not null).Select(e => e.Item).ToList();
            }
        }
    }

    public int DeliveredCount
    {
        get
        {
            lock (_gate)
            {
                return _items.Values.Count(e => e.Delivered);
            }
        }
    }
}

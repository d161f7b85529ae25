namespace OrleansConsult.Load;

/// <summary>
/// One simulated phone's messages, in arrival order, and a signal that fires at each new one:
/// a wait wakes when something arrives instead of polling (polling added tens of milliseconds to
/// every step the load generator timed, and copied whole inboxes each time).
/// </summary>
public sealed class Mailbox
{
    private readonly List<Arrived> _items = [];
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(Arrived message)
    {
        TaskCompletionSource arrived;
        lock (_items)
        {
            _items.Add(message);
            arrived = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        arrived.TrySetResult();
    }

    public IReadOnlyList<Arrived> Snapshot()
    {
        lock (_items)
        {
            return _items.ToList();
        }
    }

    public int Count(Func<Arrived, bool> match)
    {
        lock (_items)
        {
            var n = 0;
            foreach (var m in _items)
            {
                n += match(m) ? 1 : 0;
            }
            return n;
        }
    }

    /// <summary>The <paramref name="atLeast"/>-th message that matches, or null once <paramref name="limit"/> passed without it.</summary>
    public async Task<Arrived?> WaitAsync(Func<Arrived, bool> match, TimeSpan limit, int atLeast = 1)
    {
        using var timeout = new CancellationTokenSource(limit);
        var scanned = 0;
        var found = 0;
        while (true)
        {
            Task next;
            lock (_items)
            {
                // Only what arrived since the last look: a long inbox is read once per wait, not once per wake.
                for (; scanned < _items.Count; scanned++)
                {
                    if (match(_items[scanned]) && ++found == atLeast)
                    {
                        return _items[scanned];
                    }
                }
                next = _next.Task;
            }
            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }
}

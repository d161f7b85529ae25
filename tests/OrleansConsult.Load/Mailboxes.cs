using System.Collections.Concurrent;

namespace OrleansConsult.Load;

/// <summary>
/// Per-phone inboxes fed by one collector that reads only new deliveries, woken by the simulator at
/// each delivery: phones wait on their own <see cref="Mailbox"/>, never on the simulator's list.
/// </summary>
public sealed class Mailboxes(LineSimulator.LineSimulator simulator) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Channel, string User), Mailbox> _boxes = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _last;
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Start() => _loop = Task.Run(async () =>
    {
        while (!_stop.IsCancellationRequested)
        {
            Collect();
            try
            {
                await simulator.DeliveredAfterAsync(Interlocked.Read(ref _last)).WaitAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    });

    /// <summary>Moves deliveries newer than the last seen into their phones' inboxes.</summary>
    public void Collect()
    {
        lock (_boxes)
        {
            foreach (var d in simulator.Deliveries(afterSequence: _last))
            {
                Box(d.Channel, d.UserId).Add(Arrived.From(d));
                Interlocked.Exchange(ref _last, Math.Max(_last, d.Sequence));
                Interlocked.Increment(ref _count);
            }
        }
    }

    private Mailbox Box(string channel, string user) => _boxes.GetOrAdd((channel, user), _ => new Mailbox());

    public IReadOnlyList<Arrived> Inbox(string channel, string user) =>
        _boxes.TryGetValue((channel, user), out var box) ? box.Snapshot() : [];

    /// <summary>How many of her messages match, without copying her inbox.</summary>
    public int CountOf(string channel, string user, Func<Arrived, bool> match) =>
        _boxes.TryGetValue((channel, user), out var box) ? box.Count(match) : 0;

    public IEnumerable<(string Channel, string User, IReadOnlyList<Arrived> Inbox)> All() =>
        _boxes.Keys.ToList().Select(k => (k.Channel, k.User, Inbox(k.Channel, k.User)));

    /// <summary>The <paramref name="atLeast"/>-th message containing <paramref name="fragment"/>, or null at the time limit.</summary>
    public Task<Arrived?> WaitAsync(string channel, string user, string fragment, TimeSpan limit, int atLeast = 1) =>
        WaitAsync(channel, user, m => m.Text.Contains(fragment, StringComparison.Ordinal), limit, atLeast);

    /// <summary>The <paramref name="atLeast"/>-th message that matches, or null at the time limit; wakes at each arrival.</summary>
    public Task<Arrived?> WaitAsync(string channel, string user, Func<Arrived, bool> match, TimeSpan limit, int atLeast = 1) =>
        Box(channel, user).WaitAsync(match, limit, atLeast);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
        _stop.Dispose();
    }
}

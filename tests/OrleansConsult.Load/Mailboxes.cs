using System.Text.Json;
using System.Collections.Concurrent;
using OrleansConsult.LineSimulator;

namespace OrleansConsult.Load;

/// <summary>One message on a simulated phone: its text (or a flex message's altText) and raw JSON.</summary>
public sealed record Arrived(long Sequence, string Via, DateTimeOffset Time, Guid? RetryKey, string Text, string Raw)
{
    public static Arrived From(Delivery d)
    {
        var m = d.Message;
        var text = m.TryGetProperty("text", out var t) ? t.GetString() ?? "" : m.TryGetProperty("altText", out var a) ? a.GetString() ?? "" : "";
        return new Arrived(d.Sequence, d.Via, d.Time, d.RetryKey, text, m.GetRawText());
    }
}

/// <summary>
/// Per-phone inboxes fed by one collector that reads only new deliveries: the simulator's own
/// query scans every delivery, so hundreds of phones polling it would load the machine we measure.
/// </summary>
public sealed class Mailboxes(LineSimulator.LineSimulator simulator) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Channel, string User), List<Arrived>> _boxes = new();
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
                await Task.Delay(20, _stop.Token);
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
                var box = _boxes.GetOrAdd((d.Channel, d.UserId), _ => []);
                lock (box)
                {
                    box.Add(Arrived.From(d));
                }
                _last = Math.Max(_last, d.Sequence);
                Interlocked.Increment(ref _count);
            }
        }
    }

    public IReadOnlyList<Arrived> Inbox(string channel, string user)
    {
        if (!_boxes.TryGetValue((channel, user), out var box))
        {
            return [];
        }
        lock (box)
        {
            return box.ToList();
        }
    }

    public IEnumerable<(string Channel, string User, IReadOnlyList<Arrived> Inbox)> All() =>
        _boxes.Keys.ToList().Select(k => (k.Channel, k.User, Inbox(k.Channel, k.User)));

    /// <summary>The <paramref name="atLeast"/>-th message containing <paramref name="fragment"/>, or null at the time limit.</summary>
    public async Task<Arrived?> WaitAsync(string channel, string user, string fragment, TimeSpan limit, int atLeast = 1)
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            var matching = Inbox(channel, user).Where(m => m.Text.Contains(fragment, StringComparison.Ordinal)).ToList();
            if (matching.Count >= atLeast)
            {
                return matching[atLeast - 1];
            }
            if (DateTime.UtcNow > until)
            {
                return null;
            }
            await Task.Delay(25);
        }
    }

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

/// <summary>Latency samples in milliseconds with nearest-rank percentiles.</summary>
public sealed class Samples
{
    private readonly ConcurrentBag<double> _values = [];

    public void Add(double ms) => _values.Add(ms);
    public void Add(TimeSpan elapsed) => _values.Add(elapsed.TotalMilliseconds);
    public int Count => _values.Count;

    public LatencySummary Summary()
    {
        var sorted = _values.Order().ToArray();
        double P(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencySummary(sorted.Length, sorted.Length == 0 ? double.NaN : sorted[0], P(50), P(95), P(99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }
}

public sealed record LatencySummary(int Count, double Min, double P50, double P95, double P99, double Max);

/// <summary>Counts by kind (non-200 statuses, missing, duplicated ...).</summary>
public sealed class Tally
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string kind, int n = 1)
    {
        if (n > 0)
        {
            _counts.AddOrUpdate(kind, n, (_, c) => c + n);
        }
    }

    public int Total => _counts.Values.Sum();
    public SortedDictionary<string, int> Snapshot() => new(_counts, StringComparer.Ordinal);

}

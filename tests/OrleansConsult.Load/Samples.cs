using System.Collections.Concurrent;

namespace OrleansConsult.Load;

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

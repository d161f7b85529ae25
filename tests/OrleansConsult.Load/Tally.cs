using System.Collections.Concurrent;

namespace OrleansConsult.Load;

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

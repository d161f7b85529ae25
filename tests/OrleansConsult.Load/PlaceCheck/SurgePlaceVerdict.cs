namespace OrleansConsult.Load;

/// <summary>The surge's places judged: each one, and the counts the report shows.</summary>
public sealed record SurgePlaceVerdict(IReadOnlyList<SurgePlace> Places)
{
    public int True => Places.Count(p => p.Error == 0);
    public int Untrue => Places.Count(p => p.Error > 0);
    public int WorstError => Places.Count == 0 ? 0 : Places.Max(p => p.Error);
    public int SlackP50 => Percentile(50);
    public int SlackMax => Places.Count == 0 ? 0 : Places.Max(p => p.Slack);

    private int Percentile(int p)
    {
        var sorted = Places.Select(x => x.Slack).Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

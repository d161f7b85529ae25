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

using System.Diagnostics;

namespace OrleansConsult.Host;

/// <summary>The Host's own spans: one per LINE webhook, the root of the trace its events make.</summary>
public static class HostTracing
{
    public const string SourceName = "OrleansConsult.Host";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// A new root: LINE sends no trace context, and the HTTP server's own activity would only tie
    /// unrelated webhooks of one connection together.
    /// </summary>
    public static Activity? StartWebhook(string channel)
    {
        var outer = Activity.Current;
        Activity.Current = null;
        var span = Source.StartActivity("line.webhook", ActivityKind.Server);
        if (span is null)
        {
            Activity.Current = outer;
            return null;
        }
        span.SetTag("oc.channel", channel);
        return span;
    }
}

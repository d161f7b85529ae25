namespace OrleansConsult.Line;

/// <summary>"Line:Webhook": what one incoming webhook request may carry.</summary>
public sealed class LineWebhookOptions
{
    public const int DefaultMaxEventsPerRequest = 100;

    /// <summary>
    /// A body with more events is refused whole (400) before any is stored. LINE batches a few
    /// events per request; hundreds in one body are not LINE, and each costs a grain call.
    /// </summary>
    public int MaxEventsPerRequest { get; set; } = DefaultMaxEventsPerRequest;
}

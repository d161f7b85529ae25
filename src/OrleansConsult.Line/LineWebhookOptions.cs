namespace OrleansConsult.Line;

/// <summary>"Line:Webhook": what one incoming webhook request may carry.</summary>
public sealed class LineWebhookOptions
{
    public const int DefaultMaxEventsPerRequest = 100;
    public const int DefaultMaxConcurrentRequests = 256;
    public const int DefaultMaxQueuedRequests = 20_000;

    /// <summary>
    /// A body with more events is refused whole (400) before any is stored. LINE batches a few
    /// events per request; hundreds in one body are not LINE, and each costs a grain call.
    /// </summary>
    public int MaxEventsPerRequest { get; set; } = DefaultMaxEventsPerRequest;

    /// <summary>
    /// How many webhook requests a pod reads and accepts at once; the next ones wait their turn, oldest first,
    /// without their bodies being read. Every request being accepted holds its events and its grain-state write,
    /// and those writes share one queue with the writes of the work on the events already accepted.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = DefaultMaxConcurrentRequests;

    /// <summary>How many may wait for a turn; beyond that a request is answered 503 at once, and LINE redelivers it.</summary>
    public int MaxQueuedRequests { get; set; } = DefaultMaxQueuedRequests;
}

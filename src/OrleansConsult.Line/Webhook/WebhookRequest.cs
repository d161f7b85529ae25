namespace OrleansConsult.Line.Webhook;

/// <summary>
/// The body LINE POSTs to a webhook: the bot's user id and zero or more events. Events that
/// could not be read are in <paramref name="Skipped"/>; they never cost the others.
/// </summary>
public sealed record WebhookRequest(string? Destination, IReadOnlyList<WebhookEvent> Events, IReadOnlyList<SkippedEvent> Skipped)
{
    public WebhookRequest(string? destination, IReadOnlyList<WebhookEvent> events) : this(destination, events, []) { }
}

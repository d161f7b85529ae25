namespace OrleansConsult.Line.Webhook;

public sealed record VideoPlayCompleteEvent : WebhookEvent
{
    public VideoPlayCompleteDetail? VideoPlayComplete { get; init; }
}

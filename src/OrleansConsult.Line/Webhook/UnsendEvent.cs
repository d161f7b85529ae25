namespace OrleansConsult.Line.Webhook;

public sealed record UnsendEvent : WebhookEvent
{
    public UnsendDetail? Unsend { get; init; }
}

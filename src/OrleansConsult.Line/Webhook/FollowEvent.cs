namespace OrleansConsult.Line.Webhook;

public sealed record FollowEvent : WebhookEvent
{
    public FollowDetail? Follow { get; init; }
}

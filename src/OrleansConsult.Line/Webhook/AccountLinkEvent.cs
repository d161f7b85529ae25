namespace OrleansConsult.Line.Webhook;

public sealed record AccountLinkEvent : WebhookEvent
{
    public AccountLinkDetail? Link { get; init; }
}

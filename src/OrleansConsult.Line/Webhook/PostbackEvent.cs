namespace OrleansConsult.Line.Webhook;

public sealed record PostbackEvent : WebhookEvent
{
    public PostbackContent Postback { get; init; } = new();
}

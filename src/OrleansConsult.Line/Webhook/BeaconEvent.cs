namespace OrleansConsult.Line.Webhook;

public sealed record BeaconEvent : WebhookEvent
{
    public BeaconDetail? Beacon { get; init; }
}

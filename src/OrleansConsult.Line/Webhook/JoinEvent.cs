namespace OrleansConsult.Line.Webhook;

public sealed record JoinEvent : WebhookEvent;

namespace OrleansConsult.Line.Webhook;

public sealed record LeaveEvent : WebhookEvent;

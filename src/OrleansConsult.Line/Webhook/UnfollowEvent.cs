namespace OrleansConsult.Line.Webhook;

public sealed record UnfollowEvent : WebhookEvent;

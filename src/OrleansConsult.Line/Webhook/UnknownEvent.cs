namespace OrleansConsult.Line.Webhook;

/// <summary>An event type this code does not know yet: kept, logged by type and id, and ignored.</summary>
public sealed record UnknownEvent : WebhookEvent;

using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Webhook;

public sealed record JoinEvent : WebhookEvent;

namespace OrleansConsult.Line.Webhook;

public sealed record WebhookReadResult(int StatusCode, WebhookRequest? Webhook, string Reason);

namespace OrleansConsult.LineSimulator;

public sealed record WebhookAnswer(int Status, string WebhookEventId);

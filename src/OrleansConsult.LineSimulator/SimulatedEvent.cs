using System.Text.Json.Nodes;

namespace OrleansConsult.LineSimulator;

/// <summary>A webhook event the simulator sent, kept so it can be redelivered with the same id.</summary>
public sealed record SimulatedEvent(string Channel, string WebhookEventId, string? ReplyToken, JsonObject Json);

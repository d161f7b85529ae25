using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Webhook;

public sealed record MessageEvent : WebhookEvent
{
    [JsonIgnore] public MessageContent Message { get; init; } = new UnknownMessageContent();
}

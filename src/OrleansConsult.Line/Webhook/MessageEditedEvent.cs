using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Webhook;

/// <summary>A message the user edited; carries the message as it reads now.</summary>
public sealed record MessageEditedEvent : WebhookEvent
{
    [JsonIgnore] public MessageContent Message { get; init; } = new UnknownMessageContent();
}

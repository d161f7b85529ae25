using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Webhook;

/// <summary>Fields every event has. Concrete types below; anything LINE adds later parses as <see cref="UnknownEvent"/>.</summary>
public abstract record WebhookEvent
{
    public string Type { get; init; } = "";

    /// <summary>"active", or "standby" when another channel (module) is in charge: the bot must not answer.</summary>
    public string Mode { get; init; } = "active";

    /// <summary>Milliseconds since the Unix epoch.</summary>
    public long Timestamp { get; init; }

    public EventSource? Source { get; init; }

    /// <summary>LINE's id of the event, or "derived:…" (a hash of the event) when LINE sent none.</summary>
    public string WebhookEventId { get; init; } = "";
    public DeliveryContext? DeliveryContext { get; init; }

    /// <summary>Single use, valid for about a minute; absent on standby and some event types.</summary>
    public string? ReplyToken { get; init; }

    [JsonIgnore] public bool IsStandby => Mode == "standby";
    [JsonIgnore] public bool IsRedelivery => DeliveryContext?.IsRedelivery == true;
    [JsonIgnore] public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(Timestamp);
}

using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace OrleansConsult.Line.Webhook;

/// <summary>
/// Two-step parse: the "type" of each event (and of its message) picks the record, then the
/// source-generated serializer fills it. Unknown event and message types become
/// <see cref="UnknownEvent"/> / <see cref="UnknownMessageContent"/>, never an error; unknown
/// fields are ignored, so LINE adding a field breaks nothing. Only the body as a whole can be
/// refused (not JSON, no events array, too many events): one unreadable event is skipped and
/// the others are kept, and an event without webhookEventId gets a key derived from its content.
/// </summary>
public static class WebhookParser
{
    public const string DerivedIdPrefix = "derived:";

    public static WebhookRequest Parse(ReadOnlySpan<byte> utf8, int maxEvents = LineWebhookOptions.DefaultMaxEventsPerRequest)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                throw new WebhookFormatException("malformed JSON: content after the body");
            }
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WebhookFormatException("not a webhook: the body is not a JSON object");
            }
            if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                throw new WebhookFormatException("not a webhook: no events array");
            }
            var count = events.GetArrayLength();
            if (count > maxEvents)
            {
                throw new WebhookFormatException($"too many events: {count}, at most {maxEvents}");
            }

            var destination = root.TryGetProperty("destination", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            var parsed = new List<WebhookEvent>(count);
            var skipped = new List<SkippedEvent>();
            var index = 0;
            foreach (var element in events.EnumerateArray())
            {
                try
                {
                    parsed.Add(ParseEvent(element));
                }
                catch (Exception ex) when (ex is WebhookFormatException or JsonException or InvalidOperationException)
                {
                    // JsonException / InvalidOperationException: a value of the wrong JSON kind (e.g. a number where a string belongs).
                    var reason = ex is WebhookFormatException ? ex.Message : "a field has the wrong type";
                    skipped.Add(new SkippedEvent(index, element.ValueKind == JsonValueKind.Object ? StringProperty(element, "type") : null, reason));
                }
                index++;
            }
            return new WebhookRequest(destination, parsed, skipped);
        }
        catch (JsonException ex)
        {
            throw new WebhookFormatException("malformed JSON", ex);
        }
    }

    private static WebhookEvent ParseEvent(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookFormatException("not a JSON object");
        }
        var type = StringProperty(element, "type") ?? throw new WebhookFormatException("no type");

        var ctx = WebhookJsonContext.Default;
        var parsed = (type switch
        {
            "message" => element.Deserialize(ctx.MessageEvent) is { } m ? m with { Message = ParseMessage(element) } : null,
            "messageEdited" => element.Deserialize(ctx.MessageEditedEvent) is { } m ? m with { Message = ParseMessage(element) } : null,
            "follow" => element.Deserialize(ctx.FollowEvent),
            "unfollow" => element.Deserialize(ctx.UnfollowEvent),
            "postback" => element.Deserialize(ctx.PostbackEvent),
            "join" => element.Deserialize(ctx.JoinEvent),
            "leave" => element.Deserialize(ctx.LeaveEvent),
            "memberJoined" => element.Deserialize(ctx.MemberJoinedEvent),
            "memberLeft" => element.Deserialize(ctx.MemberLeftEvent),
            "accountLink" => element.Deserialize(ctx.AccountLinkEvent),
            "unsend" => element.Deserialize(ctx.UnsendEvent),
            "videoPlayComplete" => element.Deserialize(ctx.VideoPlayCompleteEvent),
            "beacon" => element.Deserialize(ctx.BeaconEvent),
            "membership" => element.Deserialize(ctx.MembershipEvent),
            _ => (WebhookEvent?)element.Deserialize(ctx.UnknownEvent),
        }) ?? throw new WebhookFormatException("empty event");
        // LINE sends an id with every event today; older payloads (and some of LINE's own SDK
        // fixtures) have none. The event's own content still identifies it for deduplication.
        return string.IsNullOrEmpty(parsed.WebhookEventId) ? parsed with { WebhookEventId = DerivedId(element) } : parsed;
    }

    /// <summary>
    /// "derived:" + base64url(SHA-256) of the event's JSON without its deliveryContext, so the
    /// same event redelivered (isRedelivery: true) gets the same key as the first delivery.
    /// </summary>
    public static string DerivedId(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals("deliveryContext"))
                {
                    continue;
                }
                property.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return DerivedIdPrefix + Base64Url.EncodeToString(SHA256.HashData(buffer.WrittenSpan));
    }

    private static MessageContent ParseMessage(JsonElement element)
    {
        if (!element.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookFormatException("no message object");
        }

        var ctx = WebhookJsonContext.Default;
        MessageContent? content = StringProperty(message, "type") switch
        {
            "text" => message.Deserialize(ctx.TextMessageContent),
            "image" => message.Deserialize(ctx.ImageMessageContent),
            "video" => message.Deserialize(ctx.VideoMessageContent),
            "audio" => message.Deserialize(ctx.AudioMessageContent),
            "file" => message.Deserialize(ctx.FileMessageContent),
            "location" => message.Deserialize(ctx.LocationMessageContent),
            "sticker" => message.Deserialize(ctx.StickerMessageContent),
            _ => message.Deserialize(ctx.UnknownMessageContent),
        };
        return content ?? throw new WebhookFormatException("empty message");
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Webhook;

/// <summary>The body is not JSON, or not the shape of a LINE webhook. Answered with 400.</summary>
public sealed class WebhookFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Two-step parse: the "type" of each event (and of its message) picks the record, then the
/// source-generated serializer fills it. Unknown event and message types become
/// <see cref="UnknownEvent"/> / <see cref="UnknownMessageContent"/>, never an error; unknown
/// fields are ignored, so LINE adding a field breaks nothing.
/// </summary>
public static class WebhookParser
{
    public static WebhookRequest Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                throw new WebhookFormatException("the body has content after the JSON value");
            }
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WebhookFormatException("the body is not a JSON object");
            }
            if (!root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                throw new WebhookFormatException("the body has no events array");
            }

            var destination = root.TryGetProperty("destination", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            var parsed = new List<WebhookEvent>(events.GetArrayLength());
            foreach (var element in events.EnumerateArray())
            {
                parsed.Add(ParseEvent(element));
            }
            return new WebhookRequest(destination, parsed);
        }
        catch (JsonException ex)
        {
            throw new WebhookFormatException("the body is not valid webhook JSON", ex);
        }
        catch (InvalidOperationException ex)
        {
            // A value of the wrong JSON kind (e.g. a number where a string belongs).
            throw new WebhookFormatException("a webhook field has the wrong type", ex);
        }
    }

    private static WebhookEvent ParseEvent(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookFormatException("an event is not a JSON object");
        }
        var type = StringProperty(element, "type") ?? throw new WebhookFormatException("an event has no type");

        var ctx = WebhookJsonContext.Default;
        WebhookEvent? parsed = type switch
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
            _ => element.Deserialize(ctx.UnknownEvent),
        };
        if (parsed is null || string.IsNullOrEmpty(parsed.WebhookEventId))
        {
            // Without its id an event cannot be deduplicated; LINE always sends one.
            throw new WebhookFormatException($"a {type} event has no webhookEventId");
        }
        return parsed;
    }

    private static MessageContent ParseMessage(JsonElement element)
    {
        if (!element.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookFormatException("a message event has no message object");
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
        return content ?? throw new WebhookFormatException("a message event has an empty message");
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MessageEvent))]
[JsonSerializable(typeof(MessageEditedEvent))]
[JsonSerializable(typeof(FollowEvent))]
[JsonSerializable(typeof(UnfollowEvent))]
[JsonSerializable(typeof(PostbackEvent))]
[JsonSerializable(typeof(JoinEvent))]
[JsonSerializable(typeof(LeaveEvent))]
[JsonSerializable(typeof(MemberJoinedEvent))]
[JsonSerializable(typeof(MemberLeftEvent))]
[JsonSerializable(typeof(AccountLinkEvent))]
[JsonSerializable(typeof(UnsendEvent))]
[JsonSerializable(typeof(VideoPlayCompleteEvent))]
[JsonSerializable(typeof(BeaconEvent))]
[JsonSerializable(typeof(MembershipEvent))]
[JsonSerializable(typeof(UnknownEvent))]
[JsonSerializable(typeof(TextMessageContent))]
[JsonSerializable(typeof(ImageMessageContent))]
[JsonSerializable(typeof(VideoMessageContent))]
[JsonSerializable(typeof(AudioMessageContent))]
[JsonSerializable(typeof(FileMessageContent))]
[JsonSerializable(typeof(LocationMessageContent))]
[JsonSerializable(typeof(StickerMessageContent))]
[JsonSerializable(typeof(UnknownMessageContent))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;

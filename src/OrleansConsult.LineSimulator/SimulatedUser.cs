using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OrleansConsult.Line;

namespace OrleansConsult.LineSimulator;

/// <summary>A webhook event the simulator sent, kept so it can be redelivered with the same id.</summary>
public sealed record SimulatedEvent(string Channel, string WebhookEventId, string? ReplyToken, JsonObject Json);

/// <summary>What the app answered to a webhook request.</summary>
public sealed record WebhookSendResult(int StatusCode, IReadOnlyList<SimulatedEvent> Events)
{
    public SimulatedEvent Event => Events[0];
}

/// <summary>
/// Signs and POSTs webhooks to the app like LINE does: raw UTF-8 body, x-line-signature over
/// exactly those bytes, a fresh webhookEventId, and a reply token the API side will accept.
/// </summary>
public sealed class WebhookSender(LineSimulator simulator, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "webhooks";

    public LineSimulator Simulator => simulator;

    public SimulatedUser User(string channel, string userId) => new(this, channel, userId);

    /// <summary>Events of one channel (any users) in one request, as LINE batches them.</summary>
    public Task<WebhookSendResult> SendBatchAsync(string channel, IReadOnlyList<SimulatedEvent> events, CancellationToken cancellationToken = default) =>
        SendBatchToAsync(simulator.Options.WebhookUrlOf(channel), channel, events, cancellationToken);

    /// <summary>One event to a given webhook address (one of several Hosts behind LINE's view of the channel); <paramref name="redelivery"/> as LINE marks a retry.</summary>
    public Task<WebhookSendResult> SendToAsync(string webhookUrl, SimulatedEvent lineEvent, bool redelivery = false, CancellationToken cancellationToken = default) =>
        SendBatchToAsync(webhookUrl, lineEvent.Channel, [redelivery ? AsRedelivery(lineEvent) : lineEvent], cancellationToken);

    private async Task<WebhookSendResult> SendBatchToAsync(string webhookUrl, string channel, IReadOnlyList<SimulatedEvent> events, CancellationToken cancellationToken)
    {
        if (!simulator.Options.Channels.TryGetValue(channel, out var settings))
        {
            throw new ArgumentException($"Channel '{channel}' is not simulated", nameof(channel));
        }
        var body = new JsonObject
        {
            ["destination"] = "U" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channel)))[..32],
            ["events"] = new JsonArray(events.Select(e => (JsonNode)e.Json.DeepClone()).ToArray()),
        };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl)
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("x-line-signature", LineSignature.Compute(bytes, settings.Secret));
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        return new WebhookSendResult((int)response.StatusCode, events);
    }

    public Task<WebhookSendResult> SendAsync(SimulatedEvent lineEvent, CancellationToken cancellationToken = default) =>
        SendBatchAsync(lineEvent.Channel, [lineEvent], cancellationToken);

    /// <summary>LINE's redelivery: the same event and webhookEventId, deliveryContext.isRedelivery true.</summary>
    public Task<WebhookSendResult> RedeliverAsync(SimulatedEvent lineEvent, CancellationToken cancellationToken = default) =>
        SendAsync(AsRedelivery(lineEvent), cancellationToken);

    private static SimulatedEvent AsRedelivery(SimulatedEvent lineEvent)
    {
        var json = (JsonObject)lineEvent.Json.DeepClone();
        json["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
        return lineEvent with { Json = json };
    }

    /// <summary>Builds one event with the common fields; <paramref name="withReplyToken"/> issues a token the API accepts.</summary>
    public SimulatedEvent NewEvent(string channel, string userId, string type, bool withReplyToken, Action<JsonObject>? fill = null)
    {
        var id = EventIds.NewUlid(simulator.Clock.GetUtcNow());
        var json = new JsonObject
        {
            ["type"] = type,
            ["mode"] = "active",
            ["timestamp"] = simulator.Clock.GetUtcNow().ToUnixTimeMilliseconds(),
            ["source"] = new JsonObject { ["type"] = "user", ["userId"] = userId },
            ["webhookEventId"] = id,
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
        };
        string? token = null;
        if (withReplyToken)
        {
            token = simulator.IssueReplyToken(channel, userId);
            json["replyToken"] = token;
        }
        fill?.Invoke(json);
        return new SimulatedEvent(channel, id, token, json);
    }
}

/// <summary>A LINE user on one channel: follows, talks, taps buttons, unfollows.</summary>
public sealed class SimulatedUser(WebhookSender sender, string channel, string userId)
{
    public string Channel => channel;
    public string UserId => userId;

    public SimulatedEvent FollowEvent(bool unblocked = false) =>
        sender.NewEvent(channel, userId, "follow", true, e => e["follow"] = new JsonObject { ["isUnblocked"] = unblocked });

    public SimulatedEvent TextEvent(string text) =>
        sender.NewEvent(channel, userId, "message", true, e => e["message"] = new JsonObject
        {
            ["id"] = EventIds.NewMessageId(),
            ["type"] = "text",
            ["quoteToken"] = Guid.NewGuid().ToString("N"),
            ["text"] = text,
            ["markAsReadToken"] = ReadToken(e),
        });

    /// <summary>
    /// A photo (or video, audio: <paramref name="kind"/>) she sends: its bytes are kept for the data
    /// API's content endpoint under the message id; null <paramref name="bytes"/> sends an event whose
    /// content LINE no longer has (the content endpoint answers 404).
    /// </summary>
    public SimulatedEvent MediaEvent(string kind, byte[]? bytes, string contentType, long? durationMs = null)
    {
        var messageId = EventIds.NewMessageId();
        if (bytes is not null)
        {
            sender.Simulator.PutContent(messageId, new SimulatedContent(bytes, contentType));
        }
        return sender.NewEvent(channel, userId, "message", true, e =>
        {
            var message = new JsonObject
            {
                ["id"] = messageId,
                ["type"] = kind,
                ["quoteToken"] = Guid.NewGuid().ToString("N"),
                ["contentProvider"] = new JsonObject { ["type"] = "line" },
                ["markAsReadToken"] = ReadToken(e),
            };
            if (durationMs is { } duration)
            {
                message["duration"] = duration;
            }
            e["message"] = message;
        });
    }

    /// <summary>A file she sends (LINE gives its name and size; the bytes come from the content endpoint).</summary>
    public SimulatedEvent FileEvent(string fileName, byte[] bytes)
    {
        var messageId = EventIds.NewMessageId();
        sender.Simulator.PutContent(messageId, new SimulatedContent(bytes, "application/octet-stream"));
        return sender.NewEvent(channel, userId, "message", true, e => e["message"] = new JsonObject
        {
            ["id"] = messageId,
            ["type"] = "file",
            ["fileName"] = fileName,
            ["fileSize"] = bytes.Length,
            ["markAsReadToken"] = ReadToken(e),
        });
    }

    public Task<WebhookSendResult> SendMediaAsync(string kind, byte[]? bytes, string contentType, CancellationToken cancellationToken = default) =>
        sender.SendAsync(MediaEvent(kind, bytes, contentType, kind is "video" or "audio" ? 3000 : null), cancellationToken);

    public Task<WebhookSendResult> SendFileAsync(string fileName, byte[] bytes, CancellationToken cancellationToken = default) =>
        sender.SendAsync(FileEvent(fileName, bytes), cancellationToken);

    private string ReadToken(JsonObject lineEvent) =>
        sender.Simulator.IssueMarkAsReadToken(channel, userId, lineEvent["webhookEventId"]!.GetValue<string>());

    public SimulatedEvent PostbackEvent(string data) =>
        sender.NewEvent(channel, userId, "postback", true, e => e["postback"] = new JsonObject { ["data"] = data });

    public SimulatedEvent UnfollowEvent() => sender.NewEvent(channel, userId, "unfollow", false);

    public Task<WebhookSendResult> FollowAsync(CancellationToken cancellationToken = default) => sender.SendAsync(FollowEvent(), cancellationToken);

    public Task<WebhookSendResult> SendTextAsync(string text, CancellationToken cancellationToken = default) => sender.SendAsync(TextEvent(text), cancellationToken);

    /// <summary>A tap on a postback button; LINE shows the button's displayText as the user's message but sends only the data.</summary>
    public Task<WebhookSendResult> TapPostbackAsync(string data, CancellationToken cancellationToken = default) => sender.SendAsync(PostbackEvent(data), cancellationToken);

    public Task<WebhookSendResult> UnfollowAsync(CancellationToken cancellationToken = default) => sender.SendAsync(UnfollowEvent(), cancellationToken);

    public Task<WebhookSendResult> RedeliverAsync(SimulatedEvent lineEvent, CancellationToken cancellationToken = default) => sender.RedeliverAsync(lineEvent, cancellationToken);
}

/// <summary>Ids shaped like LINE's: webhookEventId is a ULID (26 Crockford base32 characters, time first).</summary>
public static class EventIds
{
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string NewUlid(DateTimeOffset time)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)time.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }
        RandomNumberGenerator.Fill(bytes[6..]);
        var value = new UInt128(BinaryPrimitives.ReadUInt64BigEndian(bytes[..8]), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Crockford[(int)(value & 31)];
            value >>= 5;
        }
        return new string(chars);
    }

    public static string NewMessageId() => Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

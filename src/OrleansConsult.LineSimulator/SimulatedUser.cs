using System.Text.Json.Nodes;

namespace OrleansConsult.LineSimulator;

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

using OrleansConsult.Abstractions;

namespace OrleansConsult.Tests.Infrastructure;

public static class Events
{
    public static InboundLineEvent Text(string text, string? id = null, string? replyToken = null, bool standby = false) =>
        new(id ?? Guid.NewGuid().ToString("N"), "message", DateTimeOffset.UtcNow,
            standby ? null : replyToken ?? Guid.NewGuid().ToString("N"), IsRedelivery: false, IsStandby: standby,
            MessageType: "text", Text: text, UserId: DirectUserId);

    /// <summary>The LINE user id direct grain calls carry (the webhook ingress sets the real one).</summary>
    public const string DirectUserId = "Udirect";
}

public static class MoreEvents
{
    public static InboundLineEvent Follow() =>
        new(Guid.NewGuid().ToString("N"), "follow", DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"), false, false);

    public static InboundLineEvent Unfollow() =>
        new(Guid.NewGuid().ToString("N"), "unfollow", DateTimeOffset.UtcNow, null, false, false);

    public static InboundLineEvent Postback(string data) =>
        new(Guid.NewGuid().ToString("N"), "postback", DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"), false, false, PostbackData: data);

    public static InboundLineEvent Sticker() =>
        new(Guid.NewGuid().ToString("N"), "message", DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"), false, false, MessageType: "sticker");
}

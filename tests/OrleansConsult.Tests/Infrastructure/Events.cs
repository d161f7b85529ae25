using OrleansConsult.Abstractions;

namespace OrleansConsult.Tests.Infrastructure;

public static class Events
{
    public static InboundLineEvent Text(string text, string? id = null, string? replyToken = null, bool standby = false) =>
        new(id ?? Guid.NewGuid().ToString("N"), "message", DateTimeOffset.UtcNow,
            standby ? null : replyToken ?? Guid.NewGuid().ToString("N"), IsRedelivery: false, IsStandby: standby,
            MessageType: "text", Text: text);
}

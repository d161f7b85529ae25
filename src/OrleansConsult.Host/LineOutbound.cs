using OrleansConsult.Grains.Conversation;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Sending;

namespace OrleansConsult.Host;

/// <summary>
/// The grains' outbound LINE: <see cref="ResilientLineSender"/> (reply-token first, push with the
/// retry key, a send budget, the durable outbox, per-recipient order).
/// </summary>
public sealed class LineOutbound(ResilientLineSender sender) : ILineOutbound
{
    public Task<SendOutcome> SendAsync(string channel, string userId, IReadOnlyList<LineMessage> messages, ReplyTokenSlot? token, Guid retryKey, string? origin) =>
        sender.SendAsync(channel, userId, messages, token, retryKey, origin);
}

using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Sending;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Outbound LINE as the grains use it: reply-token-first, else push with the retry key, else the
/// durable outbox. The Host implements it with ResilientLineSender; grain tests record sends.
/// </summary>
public interface ILineOutbound
{
    /// <param name="origin">What the message carries (<see cref="OrleansConsult.Abstractions.OutboxOrigins"/>), kept with it if it waits in the outbox.</param>
    Task<SendOutcome> SendAsync(string channel, string userId, IReadOnlyList<LineMessage> messages, ReplyTokenSlot? token, Guid retryKey, string? origin);
}

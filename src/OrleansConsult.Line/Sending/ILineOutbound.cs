using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Line.Sending;

/// <summary>
/// Outbound LINE as the grains use it: reply-token-first, else push with the retry key, else the
/// durable outbox. <see cref="ResilientLineSender"/> implements it; grain tests record sends.
/// </summary>
public interface ILineOutbound
{
    /// <param name="origin">What the message carries (<c>OutboxOrigins</c> in the grain abstractions), kept with it if it waits in the outbox.</param>
    Task<SendOutcome> SendAsync(string channel, string userId, IReadOnlyList<LineMessage> messages, ReplyTokenSlot? token, Guid retryKey, string? origin,
        CancellationToken cancellationToken = default);
}

using Microsoft.Extensions.Options;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Line;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Outbox;
using OrleansConsult.Line.Sending;

namespace OrleansConsult.Host;

/// <summary>
/// The grains' outbound LINE: reply-token-first, push with the retry key, durable outbox on failure.
/// A grain waits for its sends (that keeps a user's messages in order), so a send gets a budget:
/// when LINE is slow or down past it, the send moves to the outbox with the same retry key and
/// the user's grain is free for her next webhook instead of holding it for the client's full
/// retry schedule. If the abandoned attempt did reach LINE, the outbox's re-send gets 409.
/// </summary>
public sealed partial class LineOutbound(
    ResilientLineSender sender,
    IOutboxStore outbox,
    IOptionsMonitor<LineOptions> options,
    LineMetrics metrics,
    TimeProvider clock,
    ILogger<LineOutbound> logger) : ILineOutbound
{
    public static readonly TimeSpan GrainSendBudget = TimeSpan.FromSeconds(8);

    public async Task<SendOutcome> SendAsync(string channel, string userId, IReadOnlyList<LineMessage> messages, ReplyTokenSlot? token, Guid retryKey)
    {
        using var budget = new CancellationTokenSource(GrainSendBudget);
        try
        {
            return await sender.SendAsync(channel, userId, messages, token, retryKey, budget.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            await outbox.EnqueueAsync(new OutboxItem(retryKey, channel, [userId], OutboxMessages.Serialize(messages), Attempts: 1,
                now + options.CurrentValue.Sending.OutboxBaseDelay, now) { LastError = "send budget exceeded" }, CancellationToken.None);
            metrics.OutboxEnqueued(channel);
            LogQueued(logger, retryKey, channel);
            return new SendOutcome(SendPath.Queued, null) { TokenSpent = token is not null };
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Send {RetryKey} on {Channel} exceeded the grain's budget; queued in the outbox")]
    private static partial void LogQueued(ILogger logger, Guid retryKey, string channel);
}

using System.Collections.Concurrent;
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
/// While a recipient has a message waiting in the outbox, her later messages queue behind it
/// (the outbox hands out one recipient's rows oldest first), so a chat never reads out of order.
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

    /// <summary>Recipients with a message waiting in the outbox (seen from this process).</summary>
    private readonly ConcurrentDictionary<string, byte> _backlogged = new(StringComparer.Ordinal);

    public async Task<SendOutcome> SendAsync(string channel, string userId, IReadOnlyList<LineMessage> messages, ReplyTokenSlot? token, Guid retryKey)
    {
        var recipient = channel + "\n" + userId;
        if (_backlogged.ContainsKey(recipient))
        {
            if (await outbox.HasPendingForAsync(channel, userId))
            {
                // An earlier message to her still waits: this one queues behind it, so she reads them in order.
                return await QueueAsync(channel, userId, messages, token, retryKey, "behind an earlier message", delay: TimeSpan.Zero);
            }
            _backlogged.TryRemove(recipient, out _);
        }

        using var budget = new CancellationTokenSource(GrainSendBudget);
        try
        {
            var outcome = await sender.SendAsync(channel, userId, messages, token, retryKey, budget.Token);
            if (outcome.Path == SendPath.Queued)
            {
                _backlogged[recipient] = 0;
            }
            return outcome;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            return await QueueAsync(channel, userId, messages, token, retryKey, "send budget exceeded", options.CurrentValue.Sending.OutboxBaseDelay);
        }
    }

    private async Task<SendOutcome> QueueAsync(
        string channel, string userId, IReadOnlyList<LineMessage> messages, ReplyTokenSlot? token, Guid retryKey, string reason, TimeSpan delay)
    {
        var now = clock.GetUtcNow();
        await outbox.EnqueueAsync(new OutboxItem(retryKey, channel, [userId], OutboxMessages.Serialize(messages), Attempts: 1,
            now + delay, now) { LastError = reason }, CancellationToken.None);
        _backlogged[channel + "\n" + userId] = 0;
        metrics.OutboxEnqueued(channel);
        LogQueued(logger, retryKey, channel, reason);
        return new SendOutcome(SendPath.Queued, null) { TokenSpent = token is not null };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Send {RetryKey} on {Channel} queued in the outbox: {Reason}")]
    private static partial void LogQueued(ILogger logger, Guid retryKey, string channel, string reason);
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Outbox;

namespace OrleansConsult.Line.Sending;

/// <summary>
/// <see cref="LineSender"/> plus the outbox: a send that still fails transiently after the
/// client's retries, or outlasts its budget, is stored with its retry key and re-sent later by
/// <see cref="OutboxDispatcher"/>. While a recipient has a message waiting there, her later ones
/// queue behind it (the outbox hands out her oldest first), so she reads them in order.
/// A send LINE refuses (monthly limit, another 4xx, an invalid message) is never dropped: it is
/// parked in the outbox with its reason, counted and logged, and the caller learns it did not arrive.
/// It is the grains' <see cref="ILineOutbound"/> itself (no adapter in between).
/// </summary>
public sealed partial class ResilientLineSender(
    LineSender sender,
    IOutboxStore outbox,
    IOptionsMonitor<LineOptions> options,
    LineMetrics metrics,
    TimeProvider clock,
    ILogger<ResilientLineSender> logger) : ILineOutbound
{
    /// <summary>Recipients with a message waiting in the outbox (seen from this process).</summary>
    private readonly ConcurrentDictionary<string, byte> _backlogged = new(StringComparer.Ordinal);

    public async Task<SendOutcome> SendAsync(
        string channel, string userId, IReadOnlyList<LineMessage> messages, ReplyTokenSlot? token, Guid retryKey, string? origin = null,
        CancellationToken cancellationToken = default)
    {
        var sending = options.CurrentValue.Sending;
        var recipient = Recipient(channel, userId);
        if (_backlogged.ContainsKey(recipient))
        {
            if (await outbox.HasPendingForAsync(channel, userId, cancellationToken))
            {
                // An earlier message to her still waits: this one queues behind it, so she reads them in order.
                return await QueueAsync(channel, userId, messages, token, retryKey, origin, TimeSpan.Zero, 0, "behind an earlier message");
            }
            _backlogged.TryRemove(recipient, out _);
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(sending.SendBudget);
        try
        {
            return await sender.SendAsync(channel, userId, messages, token, retryKey, budget.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested
            && (LineFailures.IsTransient(ex) || (ex is OperationCanceledException && budget.IsCancellationRequested)))
        {
            // Failed after the client's retries, or still trying when the budget ran out: the outbox
            // re-sends with the same retry key (409 if the abandoned attempt did reach LINE).
            return await QueueAsync(channel, userId, messages, token, retryKey, origin, sending.OutboxBaseDelay,
                ex is LineApiException api ? api.StatusCode : 0, ex.GetType().Name);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && OutboxRefusals.ParkReasonOf(ex) is { } reason)
        {
            return await ParkAsync(channel, userId, messages, token, retryKey, origin, reason, ex);
        }
    }

    private static string Recipient(string channel, string userId) => channel + "\n" + userId;

    private async Task<SendOutcome> QueueAsync(
        string channel, string userId, IReadOnlyList<LineMessage> messages, ReplyTokenSlot? token, Guid retryKey, string? origin, TimeSpan delay, int status, string reason)
    {
        var now = clock.GetUtcNow();
        var item = new OutboxItem(retryKey, channel, [userId], OutboxMessages.Serialize(messages), Attempts: 1, now + delay, now)
        {
            LastError = reason,
            Origin = origin,
        };
        await outbox.EnqueueAsync(item, CancellationToken.None);
        _backlogged[Recipient(channel, userId)] = 0;
        metrics.OutboxEnqueued(channel);
        LogQueued(logger, retryKey, channel, status, reason);
        // A reply that failed may have reached LINE: never offer that token again.
        return new SendOutcome(SendPath.Queued, null) { TokenSpent = token is not null };
    }

    /// <summary>Kept with its reason and its retry key: re-sent when the month turns or an operator releases it.</summary>
    private async Task<SendOutcome> ParkAsync(
        string channel, string userId, IReadOnlyList<LineMessage> messages, ReplyTokenSlot? token, Guid retryKey, string? origin, OutboxParkReason reason, Exception ex)
    {
        var now = clock.GetUtcNow();
        var error = OutboxDispatcher.Describe(ex);
        var item = new OutboxItem(retryKey, channel, [userId], OutboxMessages.Serialize(messages), Attempts: 1, now, now)
        {
            LastError = error,
            ParkReason = reason,
            Origin = origin,
        };
        await outbox.EnqueueAsync(item, CancellationToken.None);
        metrics.OutboxParked(channel, reason);
        if (reason == OutboxParkReason.Invalid)
        {
            // A message that breaks LINE's rules is our bug: loud, but still kept.
            LogParkedInvalid(logger, retryKey, channel, error);
        }
        else
        {
            LogParked(logger, retryKey, channel, reason.Name(), error);
        }
        return new SendOutcome(SendPath.Parked, null) { TokenSpent = token is not null, ParkReason = reason };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push {RetryKey} on {Channel} queued in the outbox ({Status} {Error})")]
    private static partial void LogQueued(ILogger logger, Guid retryKey, string channel, int status, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Send {RetryKey} on {Channel} refused by LINE and parked in the outbox ({Reason}: {Error})")]
    private static partial void LogParked(ILogger logger, Guid retryKey, string channel, string reason, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Send {RetryKey} on {Channel} is an invalid message, parked in the outbox: {Error}")]
    private static partial void LogParkedInvalid(ILogger logger, Guid retryKey, string channel, string error);
}

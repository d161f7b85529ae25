using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Outbox;

namespace OrleansConsult.Line.Sending;

/// <summary>
/// <see cref="LineSender"/> plus the outbox: a send that still fails transiently after the
/// client's retries is stored with its retry key and re-sent later by <see cref="OutboxDispatcher"/>.
/// Validation errors, the monthly limit and other permanent refusals are surfaced, not queued.
/// </summary>
public sealed partial class ResilientLineSender(
    LineSender sender,
    IOutboxStore outbox,
    IOptionsMonitor<LineOptions> options,
    LineMetrics metrics,
    TimeProvider clock,
    ILogger<ResilientLineSender> logger)
{
    public async Task<SendOutcome> SendAsync(
        string channel, string userId, IReadOnlyList<LineMessage> messages, ReplyTokenSlot? token, Guid retryKey, CancellationToken cancellationToken = default)
    {
        try
        {
            return await sender.SendAsync(channel, userId, messages, token, retryKey, cancellationToken);
        }
        catch (Exception ex) when (LineFailures.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var item = new OutboxItem(retryKey, channel, [userId], OutboxMessages.Serialize(messages), Attempts: 1,
                now + options.CurrentValue.Sending.OutboxBaseDelay, now) { LastError = ex.GetType().Name };
            await outbox.EnqueueAsync(item, CancellationToken.None);
            metrics.OutboxEnqueued(channel);
            LogQueued(logger, retryKey, channel, ex is LineApiException api ? api.StatusCode : 0, ex.GetType().Name);
            // A reply that failed may have reached LINE: never offer that token again.
            return new SendOutcome(SendPath.Queued, null) { TokenSpent = token is not null };
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Push {RetryKey} on {Channel} failed after retries ({Status} {Error}); queued in the outbox")]
    private static partial void LogQueued(ILogger logger, Guid retryKey, string channel, int status, string error);
}

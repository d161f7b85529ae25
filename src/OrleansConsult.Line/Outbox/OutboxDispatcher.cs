using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Line.Outbox;

/// <summary>
/// Re-sends due outbox items with their own retry key (LINE drops a re-send of an accepted key
/// with 409, which counts as delivered). Backs off exponentially per item. An item LINE refuses
/// (monthly limit, another 4xx, an invalid message) or that runs out of attempts is parked with its
/// reason, never dropped; items parked for the monthly limit are released when the month turns
/// (Asia/Tokyo), others when an operator releases them (`outbox release`).
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutboxStore store,
    LineMessagingClient client,
    IOptionsMonitor<LineOptions> options,
    LineMetrics metrics,
    TimeProvider clock,
    IOutboxParkListener parkListener,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>The LINE quota month starts at midnight Japan time (no daylight saving).</summary>
    private static readonly TimeSpan Tokyo = TimeSpan.FromHours(9);

    /// <summary>The month whose monthly-limit rows this process last released (none yet: checked at the first drain).</summary>
    private DateTimeOffset? _releasedFor;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DrainResult? drained = null;
            try
            {
                drained = await DrainOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogDrainFailed(logger, ex.GetType().Name);
            }
            if (drained is { Delivered: > 0 })
            {
                // A recipient's next row is handed out only after her previous one is delivered: go again at once.
                continue;
            }
            try
            {
                await Task.Delay(options.CurrentValue.Sending.OutboxPollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<DrainResult> DrainOnceAsync(CancellationToken cancellationToken = default)
    {
        await ReleaseMonthlyLimitAsync(cancellationToken);
        var sending = options.CurrentValue.Sending;
        var due = await store.DequeueDueAsync(clock.GetUtcNow(), sending.OutboxBatchSize, cancellationToken);
        int delivered = 0, rescheduled = 0, parked = 0;
        foreach (var item in due)
        {
            switch (await SendOneAsync(item, sending, cancellationToken))
            {
                case ItemFate.Delivered: delivered++; break;
                case ItemFate.Rescheduled: rescheduled++; break;
                default: parked++; break;
            }
        }
        return new DrainResult(delivered, rescheduled, parked);
    }

    /// <summary>The first instant of the LINE quota month that <paramref name="at"/> falls in (Asia/Tokyo midnight on the 1st).</summary>
    public static DateTimeOffset MonthStart(DateTimeOffset at)
    {
        var local = at.ToOffset(Tokyo);
        return new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, Tokyo);
    }

    /// <summary>
    /// Once per month and process (the UPDATE is idempotent, so every silo may do it): rows parked for
    /// the monthly limit before this month began are due again, with their own retry keys.
    /// </summary>
    private async Task ReleaseMonthlyLimitAsync(CancellationToken cancellationToken)
    {
        var month = MonthStart(clock.GetUtcNow());
        if (_releasedFor == month)
        {
            return;
        }
        var released = await store.ReleaseParkedAsync(OutboxParkReason.MonthlyLimit, month, cancellationToken);
        _releasedFor = month;
        if (released > 0)
        {
            metrics.OutboxReleased(OutboxParkReason.MonthlyLimit, released);
            LogReleased(logger, released, OutboxParkReason.MonthlyLimit.Name());
        }
    }

    private enum ItemFate { Delivered, Rescheduled, Parked }

    private async Task<ItemFate> SendOneAsync(OutboxItem item, LineSendOptions sending, CancellationToken cancellationToken)
    {
        try
        {
            var messages = OutboxMessages.Deserialize(item.MessagesJson);
            // Every outbox row is one recipient's (ResilientLineSender puts it there): a push.
            var result = await client.PushAsync(item.Channel, item.To.Single(), messages, item.Id, cancellationToken);
            await store.MarkDeliveredAsync(item.Id, cancellationToken);
            metrics.OutboxDelivered(item.Channel);
            LogDelivered(logger, item.Id, item.Channel, item.Attempts + 1, result.RequestId, result.AcceptedRequestId);
            return ItemFate.Delivered;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var attempts = item.Attempts + 1;
            var error = Describe(ex);
            var refusal = OutboxRefusals.ParkReasonOf(ex);
            if (refusal is not null || !LineFailures.IsTransient(ex) || attempts >= sending.OutboxMaxAttempts)
            {
                var reason = refusal ?? (LineFailures.IsTransient(ex) ? OutboxParkReason.GaveUp : OutboxParkReason.Invalid);
                await store.ParkAsync(item.Id, reason, error, now, cancellationToken);
                metrics.OutboxParked(item.Channel, reason);
                if (reason == OutboxParkReason.Invalid)
                {
                    LogParkedInvalid(logger, item.Id, item.Channel, attempts, error);
                }
                else
                {
                    LogParked(logger, item.Id, item.Channel, attempts, reason.Name(), error);
                }
                if (item.Origin is not null)
                {
                    // It was queued as "will arrive": whoever wrote it must now hear that it did not.
                    await parkListener.ParkedAsync(item, reason, cancellationToken);
                }
                return ItemFate.Parked;
            }
            var delay = Backoff(attempts, sending);
            await store.RescheduleAsync(item.Id, now + delay, error, cancellationToken);
            LogRescheduled(logger, item.Id, item.Channel, attempts, error, delay);
            return ItemFate.Rescheduled;
        }
    }

    /// <summary>Exponential from the base delay, capped, with ±20 % jitter so a backlog does not re-send in lockstep.</summary>
    public static TimeSpan Backoff(int attempts, LineSendOptions sending)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 20);
        var raw = Math.Min(sending.OutboxBaseDelay.TotalMilliseconds * Math.Pow(2, exponent), sending.OutboxMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(raw * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    /// <summary>What failed, for the row and the log: status and LINE's own error text, never message content.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        LineApiException api => $"LINE {api.StatusCode} {api.LineMessage}",
        LineMessageValidationException validation => $"invalid: {validation.Message}",
        _ => ex.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Id} on {Channel} delivered on attempt {Attempt}, x-line-request-id {RequestId}, accepted {AcceptedRequestId}")]
    private static partial void LogDelivered(ILogger logger, Guid id, string channel, int attempt, string? requestId, string? acceptedRequestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Id} on {Channel} attempt {Attempt} failed ({Error}); next in {Delay}")]
    private static partial void LogRescheduled(ILogger logger, Guid id, string channel, int attempt, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Id} on {Channel} parked after attempt {Attempt} ({Reason}: {Error})")]
    private static partial void LogParked(ILogger logger, Guid id, string channel, int attempt, string reason, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Id} on {Channel} is an invalid message, parked after attempt {Attempt}: {Error}")]
    private static partial void LogParkedInvalid(ILogger logger, Guid id, string channel, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox released {Count} parked row(s) ({Reason}): due again")]
    private static partial void LogReleased(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox drain failed: {Error}")]
    private static partial void LogDrainFailed(ILogger logger, string error);
}

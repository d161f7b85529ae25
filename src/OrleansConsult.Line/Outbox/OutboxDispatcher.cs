using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Line.Outbox;

public sealed record DrainResult(int Delivered, int Rescheduled, int Parked);

/// <summary>
/// Re-sends due outbox items with their own retry key (LINE drops a re-send of an accepted key
/// with 409, which counts as delivered). Backs off exponentially per item; an item LINE will never
/// accept (a 4xx other than 408/429) is parked far in the future with the reason, not retried hot.
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutboxStore store,
    LineMessagingClient client,
    IOptionsMonitor<LineOptions> options,
    LineMetrics metrics,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>How far an item that can never be delivered is moved: out of the way, kept for an operator.</summary>
    public static readonly TimeSpan ParkedFor = TimeSpan.FromDays(3650);

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

    private enum ItemFate { Delivered, Rescheduled, Parked }

    private async Task<ItemFate> SendOneAsync(OutboxItem item, LineSendOptions sending, CancellationToken cancellationToken)
    {
        try
        {
            var messages = OutboxMessages.Deserialize(item.MessagesJson);
            var result = item.To.Count == 1
                ? await client.PushAsync(item.Channel, item.To[0], messages, item.Id, cancellationToken)
                : await client.MulticastAsync(item.Channel, item.To, messages, item.Id, cancellationToken);
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
            if (!LineFailures.IsTransient(ex) && ex is not LineMonthlyLimitException || attempts >= sending.OutboxMaxAttempts)
            {
                await store.RescheduleAsync(item.Id, now + ParkedFor, $"parked: {error}", cancellationToken);
                LogParked(logger, item.Id, item.Channel, attempts, error);
                return ItemFate.Parked;
            }
            var delay = ex is LineMonthlyLimitException ? sending.OutboxMaxDelay : Backoff(attempts, sending);
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

    private static string Describe(Exception ex) => ex switch
    {
        LineApiException api => $"LINE {api.StatusCode} {api.LineMessage}",
        LineMessageValidationException validation => $"invalid: {validation.Message}",
        _ => ex.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox {Id} on {Channel} delivered on attempt {Attempt}, x-line-request-id {RequestId}, accepted {AcceptedRequestId}")]
    private static partial void LogDelivered(ILogger logger, Guid id, string channel, int attempt, string? requestId, string? acceptedRequestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox {Id} on {Channel} attempt {Attempt} failed ({Error}); next in {Delay}")]
    private static partial void LogRescheduled(ILogger logger, Guid id, string channel, int attempt, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox {Id} on {Channel} parked after attempt {Attempt}: {Error}")]
    private static partial void LogParked(ILogger logger, Guid id, string channel, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox drain failed: {Error}")]
    private static partial void LogDrainFailed(ILogger logger, string error);
}

using OrleansConsult.Abstractions;
using OrleansConsult.Line.Outbox;

namespace OrleansConsult.Host;

/// <summary>
/// A relay that waited in the outbox and was then refused by LINE (or ran out of attempts) goes back
/// to its case, which tells the person who wrote it that it did not arrive.
/// </summary>
public sealed partial class RelayParkedNotices(IGrainFactory grains, ILogger<RelayParkedNotices> logger) : IOutboxParkListener
{
    public async Task ParkedAsync(OutboxItem item, OutboxParkReason reason, CancellationToken cancellationToken = default)
    {
        if (item.Origin is null || !OutboxOrigins.TryParseRelay(item.Origin, out var caseId, out var direction, out var eventId))
        {
            return;
        }
        try
        {
            await grains.GetGrain<IConsultationGrain>(caseId).RelayParkedAsync(direction, eventId);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The row stays parked (nothing is lost); only the notice is missing. Loud, so an operator sees it.
            LogNoticeFailed(logger, item.Id, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {RetryKey} was parked, but its writer could not be told ({Error})")]
    private static partial void LogNoticeFailed(ILogger logger, Guid retryKey, string error);
}

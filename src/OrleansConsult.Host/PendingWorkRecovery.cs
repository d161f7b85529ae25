using Orleans.Runtime;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Host;

/// <summary>
/// On every silo, every couple of seconds: finds LINE user grains registered as holding work on a
/// silo that is no longer active (killed, or this process before a restart), or on no silo (deactivated
/// with work left while their silo lives on: memory pressure, idle collection), and activates them, so
/// what was accepted is worked within seconds, not at the user's next message.
/// Several silos may wake the same grain; waking is idempotent.
/// </summary>
public sealed partial class PendingWorkRecovery(
    IPendingWorkRegistry registry,
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IGrainFactory grains,
    ILogger<PendingWorkRecovery> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage or the cluster is in trouble: try again next tick.
                LogSweepFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var snapshot = membership.CurrentSnapshot;
        if (!snapshot.Members.TryGetValue(localSilo.SiloAddress, out var self) || self.Status != SiloStatus.Active)
        {
            return 0;
        }
        // Only a silo declared dead has stopped working its grains. One that is shutting down still hands
        // them over itself: waking them elsewhere meanwhile could race its last writes (seen in the
        // rolling-restart drill as a version conflict on a consultee's state).
        var live = snapshot.Members.Values
            .Where(m => m.Status != SiloStatus.Dead)
            .Select(m => m.SiloAddress.ToParsableString())
            .ToHashSet(StringComparer.Ordinal);
        var orphaned = await registry.OrphanedAsync(live, Batch, cancellationToken);
        if (orphaned.Count == 0)
        {
            return 0;
        }
        LogWaking(logger, orphaned.Count);
        await Parallel.ForEachAsync(orphaned, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (entry, _) =>
            {
                ILineUserGrain grain = entry.Kind == LineUserKind.Staff
                    ? grains.GetGrain<IStaffLineUserGrain>(entry.GrainKey)
                    : grains.GetGrain<IConsulteeGrain>(entry.GrainKey);
                try
                {
                    // Activating it works its stored events (and moves its entry to the new silo if it
                    // still holds some); with nothing left, the dead silo's entry goes.
                    await grain.ProcessPendingAsync();
                    await registry.ForgetOrphanAsync(entry.GrainKey, entry.Owner, CancellationToken.None);
                }
                catch (Exception ex) when (ex is TimeoutException or OrleansException or System.Data.Common.DbException)
                {
                    // Its silo is still being declared dead: the next sweep tries again.
                    LogWakeFailed(logger, ex.GetType().Name);
                }
            });
        return orphaned.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Waking {Count} LINE users whose silo is gone or who were deactivated with work left, to work their stored events")]
    private static partial void LogWaking(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pending-work sweep failed: {Error}")]
    private static partial void LogSweepFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Waking a LINE user failed: {Error}")]
    private static partial void LogWakeFailed(ILogger logger, string error);
}

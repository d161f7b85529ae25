using System.Globalization;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Storage;

namespace OrleansConsult.Host;

/// <summary>
/// Runs the retention purge once a day for the whole cluster: every silo checks hourly (on the engine's
/// clock), and from 04:00 Asia/Tokyo the first to claim the day in oc_daily_job runs it. A silo that
/// dies mid-run leaves its lease to run out; another runs the day again (the purge is idempotent).
/// </summary>
public sealed partial class RetentionService(RetentionPurge purge, SqlDailyJob jobs, EngineClock clock, ILogger<RetentionService> logger) : BackgroundService
{
    public const string Job = "retention-purge";

    /// <summary>Quiet hours: the purge starts from this local time of day.</summary>
    public static readonly TimeSpan RunFrom = TimeSpan.FromHours(4);

    private static readonly TimeSpan FirstCheckAfter = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan CheckEvery = TimeSpan.FromHours(1);
    private static readonly TimeSpan Lease = TimeSpan.FromHours(2);

    private readonly string _holder = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = FirstCheckAfter;
        while (true)
        {
            try
            {
                await Task.Delay(wait, clock.Time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            wait = CheckEvery;
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage or the silo is not there yet: the next check tries again.
                LogFailed(logger, ex.GetType().Name);
            }
        }
    }

    /// <summary>Runs today's purge when it is past <see cref="RunFrom"/> in Tokyo and no silo has run it yet. True when this call ran it.</summary>
    public async Task<bool> RunIfDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var local = Tenancy.JapaneseCalendar.ToTokyo(now);
        if (local.TimeOfDay < RunFrom)
        {
            return false;
        }
        var day = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (!await jobs.TryClaimAsync(Job, day, _holder, now, now + Lease, cancellationToken))
        {
            return false;
        }
        await purge.RunAsync(now, cancellationToken);
        await jobs.CompleteAsync(Job, day, _holder, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention purge did not run: {Error}; trying again within the hour")]
    private static partial void LogFailed(ILogger logger, string error);
}

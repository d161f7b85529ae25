using Microsoft.Extensions.Options;
using OrleansConsult.Line;
using OrleansConsult.Line.RichMenus;
using OrleansConsult.OperatorConsole.Board;

namespace OrleansConsult.Host.Quota;

/// <summary>
/// Reads each channel's month from LINE (GET /v2/bot/message/quota and /quota/consumption) every
/// Line:Quota:PollInterval, keeps it for the board and /metrics, and logs a warning at 80 % and an
/// error at 95 % of the quota, once per channel, level and month. A failed read is logged and retried
/// at the next interval; it never affects sending.
/// </summary>
public sealed partial class PushQuotaMonitor(
    LinePlatformClient client, PushQuotaReadings readings, IOptionsMonitor<LineOptions> options, TimeProvider clock, ILogger<PushQuotaMonitor> logger)
    : BackgroundService
{
    private readonly HashSet<(string Channel, string Month, PushQuotaLevel Level)> _logged = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.CurrentValue.Quota.PollInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            foreach (var channel in options.CurrentValue.Channels.Keys)
            {
                await ReadAsync(channel, stoppingToken);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One channel's reading; public for the tests and the board's first paint.</summary>
    public async Task<PushQuotaRow?> ReadAsync(string channel, CancellationToken cancellationToken)
    {
        var line = options.CurrentValue;
        try
        {
            var quota = await client.GetQuotaAsync(channel, cancellationToken);
            var used = await client.GetQuotaConsumptionAsync(channel, cancellationToken);
            var limit = PushQuotaPolicy.LimitOf(quota.Type, quota.Value, line.Channels.GetValueOrDefault(channel)?.MonthlyQuota);
            var share = PushQuotaPolicy.ShareOf(used, limit);
            var level = PushQuotaPolicy.LevelOf(share, line.Quota.WarnAt, line.Quota.AlarmAt);
            var now = clock.GetUtcNow();
            var row = new PushQuotaRow(channel, used, limit, share, level.ToString().ToLowerInvariant(), now);
            readings.Record(row);
            if (level != PushQuotaLevel.Ok && _logged.Add((channel, PushQuotaPolicy.MonthOf(now), level)))
            {
                if (level == PushQuotaLevel.Alarm)
                {
                    LogAlarm(logger, channel, used, limit!.Value, share!.Value);
                }
                else
                {
                    LogWarn(logger, channel, used, limit!.Value, share!.Value);
                }
            }
            return row;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            LogReadFailed(logger, channel, ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE channel {Channel} used {Used} of its {Limit} messages this month ({Share:P0}): replies are free, pushes count")]
    private static partial void LogWarn(ILogger logger, string channel, long used, long limit, double share);

    [LoggerMessage(Level = LogLevel.Error, Message = "LINE channel {Channel} used {Used} of its {Limit} messages this month ({Share:P0}): pushes will be refused (and parked in the outbox) when it is reached")]
    private static partial void LogAlarm(ILogger logger, string channel, long used, long limit, double share);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the message quota of LINE channel {Channel}: {Error}")]
    private static partial void LogReadFailed(ILogger logger, string channel, string error);
}

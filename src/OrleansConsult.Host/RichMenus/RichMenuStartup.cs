using Microsoft.Extensions.Options;
using OrleansConsult.Abstractions;
using OrleansConsult.Line;

namespace OrleansConsult.Host.RichMenus;

/// <summary>
/// Once the silo runs, asks each channel's <see cref="IRichMenuGrain"/> to make sure of its menu.
/// Every pod does so at start; the single grain per channel makes the others find the first one's menu.
/// </summary>
public sealed partial class RichMenuStartup(
    IGrainFactory grains, IHostApplicationLifetime lifetime, IOptionsMonitor<LineOptions> options, ILogger<RichMenuStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.RichMenus.Enabled)
        {
            return;
        }
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        foreach (var channel in options.CurrentValue.Channels.Keys)
        {
            try
            {
                var id = await grains.GetGrain<IRichMenuGrain>(channel).EnsureAsync();
                LogReady(logger, channel, id ?? "(none)");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException && !stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, channel, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rich menu of {Channel}: {RichMenuId}")]
    private static partial void LogReady(ILogger logger, string channel, string richMenuId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rich menu of {Channel} could not be made sure of at start: {Error}")]
    private static partial void LogFailed(ILogger logger, string channel, string error);
}

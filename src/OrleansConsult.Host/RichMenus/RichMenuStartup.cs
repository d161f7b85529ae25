using Microsoft.Extensions.Options;
using OrleansConsult.Abstractions;
using OrleansConsult.Line;

namespace OrleansConsult.Host.RichMenus;

/// <summary>
/// Once the silo runs (after every hosted service started), asks each channel's <see cref="IRichMenuGrain"/>
/// to make sure of its menu. The start waits for that a few seconds at most; a slow or failing LINE
/// finishes in the background (the grain tries again a minute later, at the next call). Every pod does
/// this; the single grain per channel makes the others find the first one's menu.
/// </summary>
public sealed partial class RichMenuStartup(IGrainFactory grains, IOptionsMonitor<LineOptions> options, ILogger<RichMenuStartup> logger)
    : IHostedLifecycleService
{
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stopping = new();
    private Task _work = Task.CompletedTask;

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.RichMenus.Enabled)
        {
            return;
        }
        _work = EnsureAllAsync();
        await Task.WhenAny(_work, Task.Delay(StartWait, cancellationToken));
    }

    private async Task EnsureAllAsync()
    {
        foreach (var channel in options.CurrentValue.Channels.Keys)
        {
            try
            {
                var id = await grains.GetGrain<IRichMenuGrain>(channel).EnsureAsync();
                LogReady(logger, channel, id ?? "(none)");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException && !_stopping.IsCancellationRequested)
            {
                LogFailed(logger, channel, ex.GetType().Name);
            }
            catch when (_stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAny(_work, Task.Delay(Timeout.Infinite, cancellationToken));
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rich menu of {Channel}: {RichMenuId}")]
    private static partial void LogReady(ILogger logger, string channel, string richMenuId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rich menu of {Channel} could not be made sure of at start: {Error}")]
    private static partial void LogFailed(ILogger logger, string channel, string error);
}

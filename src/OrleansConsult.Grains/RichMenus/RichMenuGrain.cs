using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.RichMenus;

/// <summary>
/// One channel's menu id, made sure of on LINE once per activation (LINE, where it is found by name,
/// is the only record: nothing is stored). A failure is retried after a pause, at the next call.
/// </summary>
public sealed partial class RichMenuGrain(TimeProvider clock, ILogger<RichMenuGrain> logger) : Grain, IRichMenuGrain
{
    private static readonly TimeSpan FirstRetryPause = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestRetryPause = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan ProvisionTimeout = TimeSpan.FromMinutes(2);

    private bool _settled;
    private string? _id;
    private DateTimeOffset _retryAfter;
    private TimeSpan _retryPause = FirstRetryPause;
    private bool _background;

    public async Task<string?> EnsureAsync()
    {
        if (_settled || clock.GetUtcNow() < _retryAfter || ServiceProvider.GetService<IRichMenuProvisioning>() is not { } provisioning)
        {
            return _id;
        }
        var channel = this.GetPrimaryKeyString();
        try
        {
            using var timeout = new CancellationTokenSource(ProvisionTimeout);
            _id = await provisioning.ProvisionAsync(channel, timeout.Token);
            _settled = true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // LINE unreachable for long (a development run without the simulator): one line per try, tries further apart.
            _retryAfter = clock.GetUtcNow() + _retryPause;
            LogFailed(logger, channel, _retryPause.TotalMinutes, ex.GetType().Name, ex.Message);
            _retryPause = TimeSpan.FromTicks(Math.Min(_retryPause.Ticks * 2, LongestRetryPause.Ticks));
        }
        return _id;
    }

    public Task<string?> GetAsync()
    {
        if (!_settled && !_background)
        {
            // Not on the caller's time (a staff message): the next turn of this grain does it.
            _background = true;
            _ = RunInBackgroundAsync();
        }
        return Task.FromResult(_id);
    }

    private async Task RunInBackgroundAsync()
    {
        try
        {
            await this.AsReference<IRichMenuGrain>().EnsureAsync();
        }
        finally
        {
            _background = false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rich menu of {Channel} not made sure of (retried in {Minutes} min): {Error} {Detail}")]
    private static partial void LogFailed(ILogger logger, string channel, double minutes, string error, string detail);
}

using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Programs;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Host;

/// <summary>
/// The safety net behind <see cref="ProgramPublisher"/>'s messages: every few seconds (Program:VersionCheckInterval,
/// 5 s) one cheap query for the newest version number; a silo that missed a message (starting, a timeout)
/// loads the newer version from the table.
/// </summary>
public sealed partial class ProgramVersionCheck(IProgramVersionStore store, ProgramInUse inUse, TimeSpan interval, ILogger<ProgramVersionCheck> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        var unloadable = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var newest = await store.CurrentNumberAsync(stoppingToken);
                if (newest is not { } number || number <= inUse.Version || number == unloadable)
                {
                    continue;
                }
                if (await store.GetAsync(number, stoppingToken) is { } version && inUse.Apply(version))
                {
                    LogCaughtUp(logger, number);
                }
            }
            catch (ProgramConfigurationException e)
            {
                unloadable = (await store.CurrentNumberAsync(stoppingToken)) ?? 0;
                LogUnloadable(logger, unloadable, string.Join("; ", e.Errors));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database outage must not end the loop: the next tick tries again.
                LogFailed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Program version {Version} put in use by the version check (its message did not arrive)")]
    private static partial void LogCaughtUp(ILogger logger, int version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Program version {Version} does not load; the version in use stays: {Errors}")]
    private static partial void LogUnloadable(ILogger logger, int version, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Program version check failed ({Error}); trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, string error);
}

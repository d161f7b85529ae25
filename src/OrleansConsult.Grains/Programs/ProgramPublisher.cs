using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Programs;

/// <summary>
/// Puts a newly saved program version in use on this silo at once, then on every other active silo by
/// an Orleans message to its <see cref="ISiloProgramGrain"/>. A silo the message misses (starting,
/// leaving, a timeout) catches up from the table by its periodic version check.
/// </summary>
public sealed partial class ProgramPublisher(IGrainFactory grains, ProgramInUse inUse, ILogger<ProgramPublisher> logger) : IProgramPublisher
{
    private static readonly TimeSpan PerSilo = TimeSpan.FromSeconds(5);

    public async Task<int> PublishAsync(ProgramVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        inUse.Apply(version);
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var sends = hosts.Keys.Select(async silo =>
        {
            try
            {
                var used = await grains.GetGrain<ISiloProgramGrain>(silo.ToParsableString()).UseAsync(version).WaitAsync(PerSilo);
                return used >= version.Number;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogMissed(logger, version.Number, silo.ToString(), e.GetType().Name);
                return false;
            }
        });
        return (await Task.WhenAll(sends)).Count(done => done);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Program version {Version} did not reach silo {Silo} ({Error}); its version check will load it")]
    private static partial void LogMissed(ILogger logger, int version, string silo, string error);
}

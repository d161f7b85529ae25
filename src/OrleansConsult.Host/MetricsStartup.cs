using Prometheus;

namespace OrleansConsult.Host;

/// <summary>
/// prometheus-net starts listening to System.Diagnostics.Metrics at its first collection; without
/// one at start-up, every counter measured before the first scrape (a pod's first webhooks and
/// routing steps) would be missing from /metrics. Which instruments it listens to is set before that
/// first collection (<see cref="PublishedInstruments"/>); it is process-wide, so the first Host of a
/// process decides it.
/// </summary>
public sealed class MetricsStartup(IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var all = configuration.GetValue<bool>(PublishedInstruments.AllSetting);
        Metrics.ConfigureMeterAdapter(options => options.InstrumentFilterPredicate = all ? _ => true : PublishedInstruments.Publishes);
        return Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

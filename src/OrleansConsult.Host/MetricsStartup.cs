using Prometheus;

namespace OrleansConsult.Host;

/// <summary>
/// prometheus-net starts listening to System.Diagnostics.Metrics at its first collection; without
/// one at start-up, every counter measured before the first scrape (a pod's first webhooks and
/// routing steps) would be missing from /metrics.
/// </summary>
public sealed class MetricsStartup : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        Metrics.DefaultRegistry.CollectAndExportAsTextAsync(Stream.Null, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

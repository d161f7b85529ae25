using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansConsult.Storage;

namespace OrleansConsult.Host;

/// <summary>Ready = this silo is Active in the cluster and the database answers.</summary>
public sealed class ReadinessCheck(ISiloStatusOracle silo, Database database) : IHealthCheck
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (silo.CurrentStatus != SiloStatus.Active)
        {
            return HealthCheckResult.Unhealthy($"silo is {silo.CurrentStatus}");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PingTimeout);
        try
        {
            await database.PingAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception type only: connection errors can echo host names and user names.
            return HealthCheckResult.Unhealthy($"storage unreachable ({ex.GetType().Name})");
        }
    }
}

using OrleansConsult.Storage;

namespace OrleansConsult.Host;

/// <summary>
/// Applies the schema before the silo starts (registered ahead of Orleans, and hosted services
/// start in order): always for the embedded file, on request (Storage:MigrateOnStart) for PostgreSQL,
/// where a migrate Job is the normal way.
/// </summary>
public sealed class MigrateOnStart(SchemaMigrator migrator, StorageOptions options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Mode == StorageMode.Embedded || options.MigrateOnStart)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

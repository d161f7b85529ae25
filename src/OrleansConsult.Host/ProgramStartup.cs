using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Programs;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Host;

/// <summary>
/// Before the silo starts (registered after the schema migration, ahead of Orleans): on an empty program
/// table the configured program file (if one is configured) is imported as version 1; then the newest saved version is put in
/// use. From then on the database is the truth and the file only an import and export format.
/// </summary>
public sealed partial class ProgramStartup(IProgramVersionStore store, ProgramInUse inUse, ProgramImportSource source, TimeProvider time,
    ILogger<ProgramStartup> logger) : IHostedService
{
    public const string ImportAuthor = "起動時の取り込み";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var current = await store.CurrentAsync(cancellationToken);
        if (current is null && source.Json is not null)
        {
            // Several pods may start on an empty table at once: the version number is the key, one insert wins.
            if (await store.AddAsync(new ProgramVersion(1, source.Json, ImportAuthor, time.GetUtcNow(), $"{source.Origin} から取り込み"), cancellationToken))
            {
                LogImported(logger, source.Origin);
            }
            current = await store.CurrentAsync(cancellationToken);
        }
        if (current is null)
        {
            return;
        }
        try
        {
            inUse.Apply(current);
            LogInUse(logger, current.Number);
        }
        catch (ProgramConfigurationException e)
        {
            // Saved versions were checked when saved; one that no longer loads (stricter rules in a newer
            // release) must not stop the service: the configured file stays in use until a good version is saved.
            LogUnloadable(logger, current.Number, string.Join("; ", e.Errors));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The program table was empty: imported {Origin} as version 1")]
    private static partial void LogImported(ILogger logger, string origin);

    [LoggerMessage(Level = LogLevel.Information, Message = "Program version {Version} from the database is in use")]
    private static partial void LogInUse(ILogger logger, int version);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Program version {Version} in the database does not load; the configured program stays in use: {Errors}")]
    private static partial void LogUnloadable(ILogger logger, int version, string errors);
}

using OrleansConsult.Grains.Programs;

namespace OrleansConsult.Host;

/// <summary>
/// Records program changes in the log when no audit log is registered (the console registers its own);
/// the version and the part changed only: the author and the before/after are in the version table.
/// </summary>
public sealed partial class LoggedProgramChangeAudit(ILogger<LoggedProgramChangeAudit> logger) : IProgramChangeAudit
{
    public Task RecordAsync(ProgramChange change, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        LogChange(logger, change.Version, change.Subject);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Program version {Version} saved: {Subject}")]
    private static partial void LogChange(ILogger logger, int version, string subject);
}

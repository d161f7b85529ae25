using System.Security.Cryptography;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Host;

/// <summary>
/// Puts an edited program file in use without a restart, so a roster change (a counselor removed,
/// made inactive or moved) counts on every pod as soon as each sees the new file. The file is
/// compared by content every few seconds rather than watched: a Kubernetes ConfigMap update swaps a
/// symlink, which file-system events miss. A file that does not load keeps the version in use.
/// </summary>
public sealed partial class ProgramFileWatcher(string path, TimeSpan interval, ProgramDirectory directory, ILogger<ProgramFileWatcher> logger)
    : BackgroundService
{
    // Taken when the watcher is made, next to the load of the version in use: ExecuteAsync runs later on
    // the thread pool, and an edit made meanwhile would otherwise become the baseline and never count.
    private readonly string? _baseline = Fingerprint(path);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seen = _baseline;
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = Fingerprint(path);
            if (now is null || now == seen)
            {
                continue;
            }
            seen = now;
            try
            {
                directory.Use(ProgramConfigurationLoader.FromFile(path));
                LogReloaded(logger, path);
            }
            catch (ProgramConfigurationException e)
            {
                LogRejected(logger, path, string.Join("; ", e.Errors));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A file caught mid-write can fail in the reader itself: the loop must outlive it, or no
                // later edit would ever be seen. The next tick reads the finished file.
                LogRejected(logger, path, e.GetType().Name);
            }
        }
    }

    /// <summary>A hash of the file's content, or null while it cannot be read (mid-replace).</summary>
    private static string? Fingerprint(string path)
    {
        try
        {
            return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Program file {Path} changed: the new version is in use")]
    private static partial void LogReloaded(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Program file {Path} changed but does not load; the version in use stays: {Errors}")]
    private static partial void LogRejected(ILogger logger, string path, string errors);
}

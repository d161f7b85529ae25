using Microsoft.Extensions.Logging;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Host;
using OrleansConsult.Tenancy;
using OrleansConsult.Testing;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

/// <summary>An edited program file is put in use without a restart; one that does not load is not.</summary>
public sealed class ProgramFileWatcherTests
{
    [Fact]
    public async Task A_roster_change_in_the_file_is_in_use_within_the_interval_and_a_broken_file_changes_nothing()
    {
        using var folder = new TempFolder();
        var path = AllDayProgram.Write(folder.Path, "W", counselors: 2, casesEach: 1);
        var directory = new ProgramDirectory(ProgramConfigurationLoader.FromFile(path));
        var log = new RecordingLogger<ProgramFileWatcher>();
        using var watcher = new ProgramFileWatcher(path, TimeSpan.FromMilliseconds(50), directory, log);
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(directory.MayTakeOffersFrom("w-c001", "tenant:all"));

            var json = File.ReadAllText(path).Replace("\"EnrollmentCode\": \"W-C001\"", "\"EnrollmentCode\": \"W-C001\", \"Active\": false", StringComparison.Ordinal);
            File.WriteAllText(path, json);
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(!directory.MayTakeOffersFrom("w-c001", "tenant:all")), TimeSpan.FromSeconds(10)));
            Assert.True(directory.MayTakeOffersFrom("w-c002", "tenant:all"));

            var inUse = directory.Program;
            File.WriteAllText(path, "{ \"Program\": { \"Tenants\": {} } }");
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(log.Errors.Any(e => e.Contains("does not load", StringComparison.Ordinal))), TimeSpan.FromSeconds(10)));
            Assert.Same(inUse, directory.Program);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }
}

/// <summary>Keeps what was logged at Error, to wait for a logged outcome instead of sleeping.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _errors = new();

    public IReadOnlyCollection<string> Errors => _errors;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Error)
        {
            _errors.Enqueue(formatter(state, exception));
        }
    }
}

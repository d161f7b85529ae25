using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OrleansConsult.LineSimulator;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// A Host whose LINE is unreachable (a development run without the simulator, or LINE down) says so in a
/// line per failed job, not a warning with a stack trace per retry attempt.
/// </summary>
public sealed class LineUnreachableLogsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Unreachable_line_is_one_line_per_job_not_one_per_attempt()
    {
        // Real channel settings from a simulator that is then stopped: its port refuses connections.
        var simulator = LineSimulatorApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], o => o.AddDevelopmentChannels());
        await simulator.StartAsync();
        var lineSettings = LineSimulatorApp.HostSettings(simulator);
        await simulator.StopAsync();
        await simulator.DisposeAsync();

        using var data = new TempFolder();
        var settings = HostRunner.Embedded(data.Path);
        foreach (var (name, value) in lineSettings)
        {
            settings[name] = value;
        }
        settings["Line:Resilience:MaxRetryAttempts"] = "3";
        settings["Line:Resilience:BaseDelay"] = "00:00:00.050";
        var logs = new RecordingLoggerProvider();
        await using var host = await HostRunner.StartAsync(settings, builder =>
        {
            var shipped = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(RepositoryRoot.Path, "src", "OrleansConsult.Host", "appsettings.json"), optional: false).Build();
            builder.Configuration.AddInMemoryCollection(shipped.GetSection("Logging").AsEnumerable()
                .Where(kv => kv.Value is not null).Select(kv => KeyValuePair.Create(kv.Key, kv.Value)));
            builder.Logging.AddProvider(logs);
        });

        // The quota reader and the rich menus both call LINE at start; wait until both have given up once.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        bool Gave(string text) => logs.Lines.Any(l => l.Level >= LogLevel.Warning && l.Message.Contains(text, StringComparison.Ordinal));
        while (!(Gave("Could not read the message quota") && Gave("Rich menu of")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.True(Gave("Could not read the message quota"), "the quota reader never reported the unreachable LINE");
        Assert.True(Gave("Rich menu of"), "the rich menus never reported the unreachable LINE");

        var loud = logs.Lines.Where(l => l.Level >= LogLevel.Warning).ToList();
        foreach (var line in loud)
        {
            output.WriteLine($"{line.Level} {line.Category}: {line.Message}");
        }
        Assert.DoesNotContain(loud, l => l.Category.StartsWith("Polly", StringComparison.Ordinal));
        // Two channels: a quota line and a rich-menu line (start-up and grain) each, and nothing more from the
        // project or the HTTP stack (Orleans' own warnings about a busy machine are not this test's business).
        var ours = loud.Where(l => l.Category.StartsWith("OrleansConsult", StringComparison.Ordinal) || l.Category.StartsWith("System.Net", StringComparison.Ordinal)).ToList();
        Assert.True(ours.Count <= 6, $"{ours.Count} warning lines for an unreachable LINE");
    }
}

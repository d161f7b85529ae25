using System.Diagnostics;

namespace OrleansConsult.Tests;

/// <summary>A bad setting stops the real Host process at once with one line that names it.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("PostgreSQL", null, "Storage:ConnectionString")]
    [InlineData("Cassandra", null, "Storage:Mode")]
    [InlineData("PostgreSQL", "Host=localhost;Nonsense Key=1", "Storage:ConnectionString")]
    public async Task Bad_storage_configuration_fails_fast_naming_the_setting(string mode, string? connectionString, string setting)
    {
        var environment = new Dictionary<string, string?> { ["Storage__Mode"] = mode, ["Storage__ConnectionString"] = connectionString };
        var (exitCode, stderr, elapsed) = await RunHostAsync(environment);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Configuration error: " + setting, line);
        Assert.True(elapsed < TimeSpan.FromSeconds(60), "the host should stop, not hang");
    }

    [Fact]
    public async Task Bad_silo_port_fails_fast_naming_the_setting()
    {
        var (exitCode, stderr, _) = await RunHostAsync(new() { ["Orleans__SiloPort"] = "seventy" });

        Assert.Equal(2, exitCode);
        Assert.Contains("Orleans:SiloPort", stderr);
    }

    private static async Task<(int ExitCode, string Stderr, TimeSpan Elapsed)> RunHostAsync(Dictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "OrleansConsult.Host.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stderr, clock.Elapsed);
    }
}

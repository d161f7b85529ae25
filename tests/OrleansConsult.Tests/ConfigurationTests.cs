using System.Diagnostics;
using OrleansConsult.Storage;

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
    public async Task Postgres_mode_without_encryption_keys_fails_fast_naming_the_setting()
    {
        var (exitCode, stderr, _) = await RunHostAsync(new()
        {
            ["Storage__Mode"] = "PostgreSQL",
            ["Storage__ConnectionString"] = "Host=127.0.0.1;Database=x;Username=y",
            ["Program__File"] = Path.Combine(AppContext.BaseDirectory, "Samples", "program.sample.json"),
        });

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Configuration error: Transcripts:Keys", stderr.Trim());
    }

    [Fact]
    public async Task Bad_silo_port_fails_fast_naming_the_setting()
    {
        var (exitCode, stderr, _) = await RunHostAsync(new() { ["Orleans__SiloPort"] = "seventy" });

        Assert.Equal(2, exitCode);
        Assert.Contains("Orleans:SiloPort", stderr);
    }

    [Fact]
    public async Task Missing_program_configuration_fails_fast_naming_the_setting()
    {
        var (exitCode, stderr, _) = await RunHostAsync(new());

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Configuration error: Program:File", stderr.Trim());
    }

    [Fact]
    public async Task Every_mistake_in_the_program_file_is_named()
    {
        var file = Path.Combine(Path.GetTempPath(), $"program-{Guid.NewGuid():N}.json");
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "program.sample.json"))
            .Replace("\"Start\": \"09:00\"", "\"Start\": \"9 o'clock\"")
            .Replace("\"OverflowTo\": \"national\"", "\"OverflowTo\": \"nowhere\"");
        File.WriteAllText(file, json);
        try
        {
            var (exitCode, stderr, _) = await RunHostAsync(new() { ["Program__File"] = file });

            Assert.Equal(2, exitCode);
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(lines, line => Assert.StartsWith("Configuration error: Program:", line));
            Assert.Contains(lines, line => line.Contains("Start") && line.Contains("toyama"));
            Assert.Contains(lines, line => line.Contains("nowhere"));
        }
        finally
        {
            File.Delete(file);
        }
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

public sealed class StorageConnectionTests
{
    [Fact]
    public void PostgreSQL_connections_multiplex_unless_the_operator_says_otherwise()
    {
        string Effective(string connectionString) =>
            new StorageOptions { Mode = StorageMode.PostgreSql, ConnectionString = connectionString }.EffectiveConnectionString();

        Assert.True(new Npgsql.NpgsqlConnectionStringBuilder(Effective("Host=db;Database=oc;Username=app")).Multiplexing);
        Assert.False(new Npgsql.NpgsqlConnectionStringBuilder(Effective("Host=db;Database=oc;Username=app;Multiplexing=false")).Multiplexing);
        Assert.Equal("db", new Npgsql.NpgsqlConnectionStringBuilder(Effective("Host=db;Database=oc;Username=app")).Host);
    }

    [Fact]
    public void PostgreSQL_statements_are_prepared_automatically_unless_the_operator_says_otherwise()
    {
        static int AutoPrepared(string connectionString) => new Npgsql.NpgsqlConnectionStringBuilder(
            new StorageOptions { Mode = StorageMode.PostgreSql, ConnectionString = connectionString }.EffectiveConnectionString()).MaxAutoPrepare;

        Assert.Equal(64, AutoPrepared("Host=db;Database=oc;Username=app"));
        Assert.Equal(0, AutoPrepared("Host=db;Database=oc;Username=app;Max Auto Prepare=0"));
        Assert.Equal(8, AutoPrepared("Host=db;Database=oc;Username=app;MaxAutoPrepare=8"));
    }
}

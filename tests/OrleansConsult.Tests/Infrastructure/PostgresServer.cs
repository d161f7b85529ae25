using System.Diagnostics;
using Npgsql;

namespace OrleansConsult.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the tests. CI starts Debian's cluster and passes an admin
/// connection string in OC_TEST_POSTGRES; without it, the tests start a private server from the
/// installed binaries (initdb + pg_ctl as the postgres user) on a free loopback port.
/// Every test gets its own database, so tests never see each other's rows.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _dataDir;
    private string? _pgBin;

    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("OC_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            AdminConnectionString = external;
        }
        else
        {
            await StartPrivateServerAsync();
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "oc_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    /// <summary>
    /// An empty database with the project's schema applied: "postgres" on this server, or "sqlite" as
    /// the embedded file in <paramref name="dataPath"/>.
    /// </summary>
    public async Task<OrleansConsult.Storage.Database> MigratedDatabaseAsync(string mode, string dataPath)
    {
        var options = mode == "postgres"
            ? new OrleansConsult.Storage.StorageOptions { Mode = OrleansConsult.Storage.StorageMode.PostgreSql, ConnectionString = await CreateDatabaseAsync() }
            : new OrleansConsult.Storage.StorageOptions { DataPath = dataPath };
        var database = new OrleansConsult.Storage.Database(options);
        await new OrleansConsult.Storage.SchemaMigrator(database, Microsoft.Extensions.Logging.Abstractions.NullLogger<OrleansConsult.Storage.SchemaMigrator>.Instance).MigrateAsync();
        return database;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDir is not null)
        {
            await RunAsPostgresAsync(Path.Combine(_pgBin!, "pg_ctl"), $"-D {_dataDir} -m immediate stop");
            try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
        }
    }

    private async Task StartPrivateServerAsync()
    {
        _pgBin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (_pgBin is null)
        {
            throw new InvalidOperationException(
                "PostgreSQL is needed by these tests: install Debian's postgresql package (apt-get install -y postgresql) or set OC_TEST_POSTGRES to an admin connection string.");
        }

        _dataDir = Path.Combine(Path.GetTempPath(), "oc-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_dataDir);
        var port = FreePort.Next();
        await RunAsync("chown", $"postgres:postgres {_dataDir}");
        await RunAsPostgresAsync(Path.Combine(_pgBin, "initdb"), $"-D {_dataDir} -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8");
        await RunAsPostgresAsync(Path.Combine(_pgBin, "pg_ctl"),
            $"-D {_dataDir} -w -t 60 -l {_dataDir}/server.log -o \"-p {port} -k {_dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" start");
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static Task RunAsPostgresAsync(string program, string arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", $"-u postgres -- {program} {arguments}")
            : RunAsync(program, arguments);

    private static async Task RunAsync(string program, string arguments)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresServer postgres)
{
    private static SchemaMigrator Migrator(StorageOptions options) => new(new Database(options), NullLogger<SchemaMigrator>.Instance);

    [Fact]
    public async Task Postgres_migrate_twice_changes_nothing_the_second_time()
    {
        var options = new StorageOptions { Mode = StorageMode.PostgreSql, ConnectionString = await postgres.CreateDatabaseAsync() };

        var first = await Migrator(options).MigrateAsync();
        var before = await PostgresSchemaAsync(options.ConnectionString!);
        var second = await Migrator(options).MigrateAsync();
        var after = await PostgresSchemaAsync(options.ConnectionString!);

        Assert.Equal(Migrator(options).Scripts.Count, first.Applied.Count);
        Assert.Empty(second.Applied);
        Assert.Equal(before, after);
        Assert.Contains("orleansquery.querytext", before);
    }

    [Fact]
    public async Task Postgres_migrate_from_two_processes_at_once_applies_each_script_once()
    {
        var options = new StorageOptions { Mode = StorageMode.PostgreSql, ConnectionString = await postgres.CreateDatabaseAsync() };

        var results = await Task.WhenAll(Migrator(options).MigrateAsync(), Migrator(options).MigrateAsync(), Migrator(options).MigrateAsync());

        Assert.Equal(Migrator(options).Scripts.Count, results.Sum(r => r.Applied.Count));
    }

    [Fact]
    public async Task Sqlite_migrate_twice_changes_nothing_the_second_time()
    {
        using var data = new TempFolder();
        var options = new StorageOptions { DataPath = data.Path };

        var first = await Migrator(options).MigrateAsync();
        var before = await SqliteSchemaAsync(options);
        var second = await Migrator(options).MigrateAsync();

        Assert.Equal(Migrator(options).Scripts.Count, first.Applied.Count);
        Assert.Empty(second.Applied);
        Assert.Equal(before, await SqliteSchemaAsync(options));
    }

    [Fact]
    public async Task Migrate_command_exits_0_and_reports_what_it_did()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        string[] args = ["--Storage:Mode=PostgreSQL", $"--Storage:ConnectionString={connectionString}"];

        Assert.Equal(0, await OrleansConsult.Host.OrleansConsultHost.MigrateAsync(args));
        Assert.Equal(0, await OrleansConsult.Host.OrleansConsultHost.MigrateAsync(args));
    }

    /// <summary>Columns of every table, every stored query, and the migration log.</summary>
    private static async Task<string> PostgresSchemaAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        await ReadAsync(connection, "SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1", lines);
        await ReadAsync(connection, "SELECT routine_name FROM information_schema.routines WHERE routine_schema = 'public' ORDER BY 1", lines);
        await ReadAsync(connection, "SELECT QueryKey || '=' || md5(QueryText) FROM OrleansQuery ORDER BY 1", lines);
        await ReadAsync(connection, "SELECT version || ' ' || name || ' ' || applied_at FROM oc_schema_migrations ORDER BY 1", lines);
        return string.Join('\n', lines).ToLowerInvariant();
    }

    private static async Task ReadAsync(NpgsqlConnection connection, string sql, List<string> lines)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
    }

    private static async Task<string> SqliteSchemaAsync(StorageOptions options)
    {
        await using var connection = await new Database(options).OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT type || ' ' || name || ' ' || COALESCE(sql, '') FROM sqlite_master
            UNION ALL SELECT QueryKey || '=' || QueryText FROM OrleansQuery
            UNION ALL SELECT version || ' ' || name || ' ' || applied_at FROM oc_schema_migrations
            ORDER BY 1
            """;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join('\n', lines);
    }
}

using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace OrleansConsult.Storage;

/// <summary>
/// Creates or upgrades the project's schema from the numbered scripts under Sql/{postgres,sqlite}.
/// Each script runs once, in its own transaction, recorded in oc_schema_migrations with a checksum.
/// Concurrent runs (two pods starting a migrate Job) are serialised: PostgreSQL by an advisory
/// lock, SQLite by BEGIN IMMEDIATE. Running it again when everything is applied changes nothing.
/// </summary>
public sealed class SchemaMigrator(Database database, ILogger<SchemaMigrator> logger)
{
    // Arbitrary constant shared by every migrating process ("OCMIGRAT").
    private const long AdvisoryLockKey = 0x4F434D4947524154;

    public sealed record Script(int Version, string Name, string Sql, string Checksum);

    public sealed record Result(IReadOnlyList<string> Applied, int AlreadyApplied);

    public IReadOnlyList<Script> Scripts { get; } = LoadScripts(database.IsPostgres ? "postgres" : "sqlite");

    public async Task<Result> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (!database.IsPostgres)
        {
            // WAL lets readers go on while a grain writes; the setting is stored in the file.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var applied = new List<string>();
        await using var transaction = database.IsPostgres
            ? await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken)
            : await BeginImmediateAsync(connection, cancellationToken);

        if (database.IsPostgres)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey});", cancellationToken);
        }

        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS oc_schema_migrations
            (
                version    integer      NOT NULL PRIMARY KEY,
                name       varchar(200) NOT NULL,
                checksum   varchar(64)  NOT NULL,
                applied_at varchar(40)  NOT NULL
            );
            """, cancellationToken);

        var done = await ReadAppliedAsync(connection, transaction, cancellationToken);
        foreach (var script in Scripts)
        {
            if (done.TryGetValue(script.Version, out var checksum))
            {
                if (checksum != script.Checksum)
                {
                    throw new InvalidOperationException(
                        $"Schema script {script.Name} was changed after it was applied; add a new numbered script instead.");
                }
                continue;
            }

            await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO oc_schema_migrations (version, name, checksum, applied_at) VALUES (@v, @n, @c, @a)";
                record.Add("v", script.Version);
                record.Add("n", script.Name);
                record.Add("c", script.Checksum);
                record.Add("a", DateTimeOffset.UtcNow.ToString("O"));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            applied.Add(script.Name);
            logger.LogInformation("Applied schema script {Script}", script.Name);
        }

        await transaction.CommitAsync(cancellationToken);
        if (applied.Count == 0)
        {
            logger.LogInformation("Schema is up to date ({Count} scripts)", Scripts.Count);
        }
        return new Result(applied, done.Count);
    }

    private static async Task<DbTransaction> BeginImmediateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite takes the write lock at BEGIN when deferred: false.
        var sqlite = (Microsoft.Data.Sqlite.SqliteConnection)connection;
        return await Task.FromResult<DbTransaction>(sqlite.BeginTransaction(deferred: false));
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, string>();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version, checksum FROM oc_schema_migrations";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[Convert.ToInt32(reader.GetValue(0))] = reader.GetString(1);
        }
        return result;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<Script> LoadScripts(string dialect)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Sql.{dialect}.";
        var scripts = new List<Script>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            var version = int.Parse(name[..name.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd().Replace("\r\n", "\n");
            var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            scripts.Add(new Script(version, name, sql, checksum));
        }
        return scripts.OrderBy(s => s.Version).ToList();
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OrleansConsult.Storage;

/// <summary>Opens connections to the configured database (PostgreSQL or the embedded SQLite file).</summary>
public sealed class Database
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _connectionString;

    public Database(StorageOptions options)
    {
        Options = options;
        _connectionString = options.EffectiveConnectionString();
        if (options.Mode == StorageMode.PostgreSql)
        {
            _postgres = NpgsqlDataSource.Create(_connectionString);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(options.SqliteFilePath)!);
        }
    }

    public StorageOptions Options { get; }

    public bool IsPostgres => _postgres is not null;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Round trip to the database; used by readiness.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }
}

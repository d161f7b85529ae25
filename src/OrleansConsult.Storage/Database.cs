using System.Data.Common;
using System.Globalization;
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

    /// <summary>The PostgreSQL data source (null on SQLite), for writers that use Npgsql's own types (arrays).</summary>
    public NpgsqlDataSource? PostgresSource => _postgres;

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

    /// <summary>A time as a parameter: timestamptz for PostgreSQL, sortable UTC ISO-8601 text for SQLite.</summary>
    public object Time(DateTimeOffset value) =>
        IsPostgres ? value.ToUniversalTime() : value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    /// <summary>Reads back a column written with <see cref="Time"/>.</summary>
    public DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        IsPostgres
            ? new DateTimeOffset(reader.GetDateTime(ordinal), TimeSpan.Zero)
            : DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>The first column of every row <paramref name="sql"/> returns, as strings (ids, tenant names).</summary>
    public async Task<IReadOnlyList<string>> ReadStringsAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] values)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            command.Add(name, value);
        }
        var strings = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            strings.Add(reader.GetString(0));
        }
        return strings;
    }

    /// <summary>One statement that returns no rows (an insert, update or delete), on a connection of its own.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] values)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            command.Add(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
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

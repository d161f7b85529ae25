using System.Data.Common;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Storage;

/// <summary>Program versions in PostgreSQL or the embedded SQLite file (table oc_program_version).</summary>
public sealed class SqlProgramVersionStore(Database database) : IProgramVersionStore
{
    public async Task<int?> CurrentNumberAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM oc_program_version";
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<ProgramVersion?> CurrentAsync(CancellationToken cancellationToken = default) =>
        ReadOneAsync("ORDER BY version DESC LIMIT 1", null, cancellationToken);

    public Task<ProgramVersion?> GetAsync(int number, CancellationToken cancellationToken = default) =>
        ReadOneAsync("WHERE version = @v", number, cancellationToken);

    public async Task<IReadOnlyList<ProgramVersionSummary>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, author, created_at, comment FROM oc_program_version ORDER BY version DESC LIMIT @limit";
        command.Add("limit", limit);
        var rows = new List<ProgramVersionSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ProgramVersionSummary(reader.GetInt32(0), reader.GetString(1), database.ReadTime(reader, 2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return rows;
    }

    public Task<bool> AddAsync(ProgramVersion version, CancellationToken cancellationToken = default) =>
        AddAsync(version, (_, _) => Task.CompletedTask, cancellationToken);

    public async Task<bool> AddAsync(ProgramVersion version, Func<DbTransaction, CancellationToken, Task> alongside, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(alongside);
        await using var connection = await database.OpenAsync(cancellationToken);
        // SQLite: BEGIN IMMEDIATE, so the audit append in the same transaction never has to upgrade its lock.
        await using var transaction = database.IsPostgres
            ? await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken)
            : ((Microsoft.Data.Sqlite.SqliteConnection)connection).BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The number is the key: of two saves based on the same version exactly one inserts.
        command.CommandText = """
            INSERT INTO oc_program_version (version, program_json, author, created_at, comment)
            VALUES (@v, @json, @author, @created, @comment)
            ON CONFLICT (version) DO NOTHING
            """;
        command.Add("v", version.Number);
        command.Add("json", version.Json);
        command.Add("author", version.Author);
        command.Add("created", database.Time(version.CreatedAt));
        command.Add("comment", (object?)version.Comment ?? DBNull.Value);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        // An exception here leaves the transaction uncommitted: disposing it rolls the version back.
        await alongside(transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<ProgramVersion?> ReadOneAsync(string tail, int? number, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT version, program_json, author, created_at, comment FROM oc_program_version {tail}";
        if (number is { } v)
        {
            command.Add("v", v);
        }
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private ProgramVersion Read(DbDataReader reader) => new(
        reader.GetInt32(0),
        reader.GetString(1),
        reader.GetString(2),
        database.ReadTime(reader, 3),
        reader.IsDBNull(4) ? null : reader.GetString(4));
}

using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Storage;

/// <summary>
/// <see cref="IDispatcherQueueStore"/> on the project's database (table oc_dispatcher_queue). Each payload is
/// sealed, bound to its dispatcher and case. On PostgreSQL one save is one statement batch (one round trip,
/// one implicit transaction) however many cases it touches; on SQLite one transaction.
/// </summary>
public sealed class SqlDispatcherQueueStore(Database database, PayloadProtector protector) : IDispatcherQueueStore
{
    public async Task<IReadOnlyList<DispatcherQueueRow>> LoadAsync(string dispatcherKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT case_id, payload FROM oc_dispatcher_queue WHERE dispatcher_key = @key";
        command.Add("key", dispatcherKey);
        var rows = new List<DispatcherQueueRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var caseId = reader.GetString(0);
            rows.Add(new DispatcherQueueRow(caseId, protector.OpenBytes((byte[])reader.GetValue(1), SealedRows.DispatcherQueue(dispatcherKey, caseId))));
        }
        return rows;
    }

    public async Task SaveAsync(string dispatcherKey, IReadOnlyList<DispatcherQueueRow> changed, IReadOnlyCollection<string> removed, CancellationToken cancellationToken = default)
    {
        if (changed.Count == 0 && removed.Count == 0)
        {
            return;
        }
        var sealedRows = changed.Select(r => protector.Seal(r.Payload, SealedRows.DispatcherQueue(dispatcherKey, r.CaseId))).ToArray();
        await using var connection = await database.OpenAsync(cancellationToken);
        if (connection is NpgsqlConnection postgres)
        {
            await SavePostgresAsync(postgres, dispatcherKey, changed, sealedRows, removed, cancellationToken);
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < changed.Count; i++)
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO oc_dispatcher_queue (dispatcher_key, case_id, payload) VALUES (@key, @case, @payload)
                ON CONFLICT (dispatcher_key, case_id) DO UPDATE SET payload = excluded.payload
                """, cancellationToken, ("key", dispatcherKey), ("case", changed[i].CaseId), ("payload", sealedRows[i]));
        }
        foreach (var caseId in removed)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM oc_dispatcher_queue WHERE dispatcher_key = @key AND case_id = @case",
                cancellationToken, ("key", dispatcherKey), ("case", caseId));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Upserts and deletes as arrays in one batch: one round trip, atomic (the batch is one implicit transaction).</summary>
    private static async Task SavePostgresAsync(NpgsqlConnection connection, string dispatcherKey, IReadOnlyList<DispatcherQueueRow> changed,
        byte[][] sealedRows, IReadOnlyCollection<string> removed, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        if (changed.Count > 0)
        {
            var upsert = new NpgsqlBatchCommand("""
                INSERT INTO oc_dispatcher_queue (dispatcher_key, case_id, payload)
                SELECT $1, c, p FROM unnest($2::varchar[], $3::bytea[]) AS t(c, p)
                ON CONFLICT (dispatcher_key, case_id) DO UPDATE SET payload = excluded.payload
                """);
            upsert.Parameters.Add(new NpgsqlParameter { Value = dispatcherKey });
            upsert.Parameters.Add(new NpgsqlParameter { Value = changed.Select(r => r.CaseId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
            upsert.Parameters.Add(new NpgsqlParameter { Value = sealedRows, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            batch.BatchCommands.Add(upsert);
        }
        if (removed.Count > 0)
        {
            var delete = new NpgsqlBatchCommand("DELETE FROM oc_dispatcher_queue WHERE dispatcher_key = $1 AND case_id = ANY($2::varchar[])");
            delete.Parameters.Add(new NpgsqlParameter { Value = dispatcherKey });
            delete.Parameters.Add(new NpgsqlParameter { Value = removed.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
            batch.BatchCommands.Add(delete);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] values)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            command.Add(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using OrleansConsult.Storage;

namespace OrleansConsult.OperatorConsole.Audit;

/// <summary>
/// <see cref="IAuditLog"/> on oc_audit_log. Appends are serialised across pods (PostgreSQL: an
/// advisory transaction lock; SQLite: BEGIN IMMEDIATE) so each row links to the one before it.
/// </summary>
public sealed class SqlAuditLog(Database database, TimeProvider clock) : IAuditLog
{
    // "OCAUDIT" as a number; any constant shared by every pod.
    private const long AppendLockKey = 0x4F4341554449544C;
    private const string Columns = "seq, at, actor, action, tenant, target, before_json, after_json, prev_hash, hash";

    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = database.IsPostgres
            ? await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken)
            : ((Microsoft.Data.Sqlite.SqliteConnection)connection).BeginTransaction(deferred: false);
        var record = await AppendAsync(transaction, entry, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return record;
    }

    public async Task<AuditRecord> AppendAsync(DbTransaction transaction, AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(entry);
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has no connection.");
        if (database.IsPostgres)
        {
            await using var lockCommand = Command(connection, transaction, $"SELECT pg_advisory_xact_lock({AppendLockKey})");
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        long seq = 1;
        var prevHash = AuditChain.Genesis;
        await using (var last = Command(connection, transaction, "SELECT seq, hash FROM oc_audit_log ORDER BY seq DESC LIMIT 1"))
        await using (var reader = await last.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                seq = Convert.ToInt64(reader.GetValue(0)) + 1;
                prevHash = reader.GetString(1);
            }
        }

        var at = AuditChain.Truncate(clock.GetUtcNow());
        var hash = AuditChain.Hash(seq, at, entry, prevHash);
        await using (var insert = Command(connection, transaction,
            $"INSERT INTO oc_audit_log ({Columns}) VALUES (@seq, @at, @actor, @action, @tenant, @target, @before, @after, @prev, @hash)"))
        {
            Add(insert, "seq", seq);
            Add(insert, "at", database.Time(at));
            Add(insert, "actor", entry.Actor);
            Add(insert, "action", entry.Action);
            Add(insert, "tenant", entry.Tenant);
            Add(insert, "target", entry.Target);
            Add(insert, "before", entry.BeforeJson);
            Add(insert, "after", entry.AfterJson);
            Add(insert, "prev", prevHash);
            Add(insert, "hash", hash);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        return new AuditRecord(seq, at, entry.Actor, entry.Action, entry.Tenant, entry.Target, entry.BeforeJson, entry.AfterJson, prevHash, hash);
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "");
        var where = new List<string>();
        if (filter.From is { } from)
        {
            where.Add("at >= @from");
            Add(command, "from", database.Time(from));
        }
        if (filter.Until is { } until)
        {
            where.Add("at < @until");
            Add(command, "until", database.Time(until));
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            where.Add("actor = @actor");
            Add(command, "actor", filter.Actor.Trim());
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            where.Add("action = @action");
            Add(command, "action", filter.Action.Trim());
        }
        if (!string.IsNullOrWhiteSpace(filter.Tenant))
        {
            where.Add("tenant = @tenant");
            Add(command, "tenant", filter.Tenant.Trim());
        }
        command.CommandText = $"SELECT {Columns} FROM oc_audit_log"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY seq DESC LIMIT @limit";
        Add(command, "limit", Math.Clamp(filter.Limit, 1, 100_000));
        var result = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(Read(reader));
        }
        return result;
    }

    public async IAsyncEnumerable<AuditRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {Columns} FROM oc_audit_log ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    private AuditRecord Read(DbDataReader reader) => new(
        Convert.ToInt64(reader.GetValue(0)),
        database.ReadTime(reader, 1),
        reader.GetString(2),
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.GetString(8),
        reader.GetString(9));

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}

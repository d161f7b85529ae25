using OrleansConsult.Abstractions;

namespace OrleansConsult.Storage;

/// <summary>
/// Transcripts in PostgreSQL or the embedded SQLite file (table oc_transcript). Text is sealed
/// with <see cref="PayloadProtector"/>; ids, tenant, time and author stay in clear for reports.
/// Appends from every case go through one <see cref="GroupCommit{TItem, TResult}"/>: the rows that
/// arrive while a write is in flight leave together in one multi-row INSERT.
/// </summary>
public sealed class SqlTranscriptStore : ITranscriptStore
{
    /// <summary>Six parameters a row: well under both databases' limits (PostgreSQL 65,535, SQLite 32,766).</summary>
    internal const int MaxRowsPerStatement = 256;

    private readonly Database database;
    private readonly PayloadProtector protector;
    private readonly GroupCommit<SealedEntry, bool> _appends;

    public SqlTranscriptStore(Database database, PayloadProtector protector)
    {
        this.database = database;
        this.protector = protector;
        _appends = new GroupCommit<SealedEntry, bool>(InsertAsync, MaxRowsPerStatement);
    }

    /// <summary>Stored once the batch that carries it is durable.</summary>
    public Task<bool> AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // SQLite does not enforce varchar lengths: check here so both databases accept the same ids.
        CheckLength(entry.CaseId, 64, nameof(entry.CaseId));
        CheckLength(entry.TenantId, 100, nameof(entry.TenantId));
        CheckLength(entry.EntryId, 100, nameof(entry.EntryId));
        // Sealed on the caller's thread, so the writer only talks to the database.
        var sealedEntry = new SealedEntry(entry, protector.Seal(entry.Text, SealedRows.Transcript(entry.CaseId, entry.EntryId)));
        // A caller that stops waiting may still find its row stored: appends are idempotent.
        return _appends.WriteAsync(sealedEntry).WaitAsync(cancellationToken);
    }

    /// <summary>One statement for the batch; true for each row it stored (a redelivered webhook hits the conflict).</summary>
    private async Task<IReadOnlyList<bool>> InsertAsync(IReadOnlyList<SealedEntry> batch)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        var sql = new System.Text.StringBuilder("INSERT INTO oc_transcript (case_id, tenant_id, entry_id, at, author, payload) VALUES ");
        for (var i = 0; i < batch.Count; i++)
        {
            var (entry, payload) = batch[i];
            sql.Append(i == 0 ? "" : ", ").Append($"(@c{i}, @t{i}, @e{i}, @a{i}, @u{i}, @p{i})");
            command.Add($"c{i}", entry.CaseId);
            command.Add($"t{i}", entry.TenantId);
            command.Add($"e{i}", entry.EntryId);
            command.Add($"a{i}", database.Time(entry.At));
            command.Add($"u{i}", (short)entry.Author);
            command.Add($"p{i}", payload);
        }
        sql.Append(" ON CONFLICT (case_id, entry_id) DO NOTHING RETURNING case_id, entry_id");
        command.CommandText = sql.ToString();

        var stored = new HashSet<(string, string)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        // The same entry twice in one batch is stored once: the first caller is told it stored it.
        var results = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            results[i] = stored.Remove((batch[i].Entry.CaseId, batch[i].Entry.EntryId));
        }
        return results;
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tenant_id, entry_id, at, author, payload FROM oc_transcript WHERE case_id = @case ORDER BY seq";
        command.Add("case", caseId);

        var entries = new List<TranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entryId = reader.GetString(1);
            entries.Add(new TranscriptEntry(
                caseId,
                reader.GetString(0),
                entryId,
                database.ReadTime(reader, 2),
                (TranscriptAuthor)reader.GetInt16(3),
                protector.Open((byte[])reader.GetValue(4), SealedRows.Transcript(caseId, entryId))));
        }
        return entries;
    }

    public async Task<int> DeleteCaseAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM oc_transcript WHERE case_id = @case";
        command.Add("case", caseId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes a tenant's entries written before <paramref name="before"/> (its retention ran out). Returns how many.</summary>
    public async Task<int> PurgeAsync(string tenantId, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM oc_transcript WHERE tenant_id = @tenant AND at < @before";
        command.Add("tenant", tenantId);
        command.Add("before", database.Time(before));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Tenants that have transcript rows written before <paramref name="before"/> (also tenants no longer in the program).</summary>
    public Task<IReadOnlyList<string>> TenantsWithRowsBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        database.ReadStringsAsync("SELECT DISTINCT tenant_id FROM oc_transcript WHERE at < @before", cancellationToken, ("before", database.Time(before)));

    private static void CheckLength(string value, int max, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        if (value.Length > max)
        {
            throw new ArgumentException($"{name} is longer than {max} characters.", name);
        }
    }
}

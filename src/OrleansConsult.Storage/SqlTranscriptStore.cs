using OrleansConsult.Abstractions;

namespace OrleansConsult.Storage;

/// <summary>
/// Transcripts in PostgreSQL or the embedded SQLite file (table oc_transcript). Text is sealed
/// with <see cref="PayloadProtector"/>; ids, tenant, time and author stay in clear for reports.
/// </summary>
public sealed class SqlTranscriptStore(Database database, PayloadProtector protector) : ITranscriptStore
{
    public async Task<bool> AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // SQLite does not enforce varchar lengths: check here so both databases accept the same ids.
        CheckLength(entry.CaseId, 64, nameof(entry.CaseId));
        CheckLength(entry.TenantId, 100, nameof(entry.TenantId));
        CheckLength(entry.EntryId, 100, nameof(entry.EntryId));

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO oc_transcript (case_id, tenant_id, entry_id, at, author, payload)
            VALUES (@case, @tenant, @entry, @at, @author, @payload)
            ON CONFLICT (case_id, entry_id) DO NOTHING
            """;
        command.Add("case", entry.CaseId);
        command.Add("tenant", entry.TenantId);
        command.Add("entry", entry.EntryId);
        command.Add("at", database.Time(entry.At));
        command.Add("author", (short)entry.Author);
        command.Add("payload", protector.Seal(entry.Text, SealedRows.Transcript(entry.CaseId, entry.EntryId)));
        // A redelivered webhook hits the conflict and inserts nothing.
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
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

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
        command.Add("payload", protector.Seal(entry.Text, AssociatedData(entry.CaseId, entry.EntryId)));
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
                protector.Open((byte[])reader.GetValue(4), AssociatedData(caseId, entryId))));
        }
        return entries;
    }

    // Binds the sealed text to its row: a payload copied to another case or entry does not open.
    private static string AssociatedData(string caseId, string entryId) => $"{caseId}/{entryId}";

    private static void CheckLength(string value, int max, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        if (value.Length > max)
        {
            throw new ArgumentException($"{name} is longer than {max} characters.", name);
        }
    }
}

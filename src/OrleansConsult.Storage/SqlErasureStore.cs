using OrleansConsult.Abstractions;

namespace OrleansConsult.Storage;

/// <summary>A consultee's outbox rows (by her grain key, which is how the outbox names single recipients) and the erasure records (oc_erasure).</summary>
public sealed class SqlErasureStore(Database database, SqlOutbox outbox) : IErasureStore
{
    public async Task<int> DeleteOutboxRowsAsync(string consulteeKey, IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default)
    {
        var deleted = await outbox.DeleteForRecipientAsync(consulteeKey, cancellationToken);
        foreach (var caseId in caseIds)
        {
            deleted += await outbox.DeleteForCaseAsync(caseId, cancellationToken);
        }
        return deleted;
    }

    public async Task RecordAsync(ErasureRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO oc_erasure (id, consultee, erased_at, cases, transcript_rows, outbox_rows)
            VALUES (@id, @consultee, @at, @cases, @transcripts, @outbox)
            ON CONFLICT (id) DO NOTHING
            """;
        command.Add("id", record.Id);
        command.Add("consultee", record.ConsulteeKey);
        command.Add("at", database.Time(record.ErasedAt));
        command.Add("cases", record.Cases);
        command.Add("transcripts", record.TranscriptRows);
        command.Add("outbox", record.OutboxRows);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The erasure records of one grain key, oldest first (operators and tests).</summary>
    public async Task<IReadOnlyList<ErasureRecord>> RecordsOfAsync(string consulteeKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, consultee, erased_at, cases, transcript_rows, outbox_rows FROM oc_erasure WHERE consultee = @consultee ORDER BY erased_at";
        command.Add("consultee", consulteeKey);
        var records = new List<ErasureRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new ErasureRecord(reader.GetString(0), reader.GetString(1), database.ReadTime(reader, 2),
                Convert.ToInt32(reader.GetValue(3)), Convert.ToInt32(reader.GetValue(4)), Convert.ToInt32(reader.GetValue(5))));
        }
        return records;
    }
}

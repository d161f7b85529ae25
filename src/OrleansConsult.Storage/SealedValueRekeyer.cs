using System.Data.Common;
using System.Security.Cryptography;

namespace OrleansConsult.Storage;

/// <summary>
/// Re-seals every sealed value (grain state, transcripts, outbox payloads) with the newest key of the
/// ring, in batches, while the service runs. Each value goes through <see cref="Reseal"/>: opened with
/// its own key and its row's associated data (<see cref="SealedRows"/>), sealed again. Updates are
/// optimistic: a row is rewritten only if it is still as it was read (grain state: same version, which
/// is left as it is so the grain's ETag stays valid; other rows: same bytes). After a run that reports
/// nothing left to re-seal, keys other than the first can leave Transcripts:Keys.
/// </summary>
public sealed class SealedValueRekeyer(Database database, PayloadProtector protector)
{
    public int BatchSize { get; init; } = 500;

    public async Task<IReadOnlyList<RekeyCounts>> RekeyAllAsync(CancellationToken cancellationToken = default) =>
    [
        await GrainStateAsync(cancellationToken),
        await TranscriptsAsync(cancellationToken),
        await OutboxAsync(cancellationToken),
        await SecretsAsync(cancellationToken),
        await MediaAsync(cancellationToken),
        await DispatcherQueueAsync(cancellationToken),
    ];

    /// <summary>The one step for every value: the new sealed bytes, null when already current; throws when it cannot be opened.</summary>
    private byte[]? Reseal(byte[] sealedValue, string associatedData) => protector.Reseal(sealedValue, associatedData);

    public async Task<RekeyCounts> GrainStateAsync(CancellationToken cancellationToken = default)
    {
        var tally = new Tally("grain state");
        GrainStateRow? after = null;
        while (true)
        {
            var batch = new List<(GrainStateRow Row, byte[] Payload)>();
            await using (var connection = await database.OpenAsync(cancellationToken))
            await using (var command = connection.CreateCommand())
            {
                const string columns = "grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext";
                command.CommandText = $"""
                    SELECT service_id, grain_type_hash, grain_id_hash, grain_type, grain_id_n0, grain_id_n1, grain_id_ext, version, payload
                    FROM oc_grain_state
                    WHERE payload IS NOT NULL{(after is null ? "" : $" AND ({columns}) > (@h, @th, @s, @t, @n0, @n1, @ext)")}
                    ORDER BY {columns}
                    LIMIT @max
                    """;
                if (after is not null)
                {
                    AddKey(command, after);
                }
                command.Add("max", BatchSize);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = new GrainStateRow(reader.GetString(0), Convert.ToInt32(reader.GetValue(1)), Convert.ToInt32(reader.GetValue(2)),
                        reader.GetString(3), Convert.ToInt64(reader.GetValue(4)), Convert.ToInt64(reader.GetValue(5)), reader.GetString(6),
                        Convert.ToInt32(reader.GetValue(7)));
                    batch.Add((row, (byte[])reader.GetValue(8)));
                }
            }
            foreach (var (row, payload) in batch)
            {
                await ResealAsync(tally, payload, SealedRows.GrainState(row), """
                    UPDATE oc_grain_state SET payload = @new
                    WHERE grain_id_hash = @h AND grain_type_hash = @th AND service_id = @s AND grain_type = @t
                      AND grain_id_n0 = @n0 AND grain_id_n1 = @n1 AND grain_id_ext = @ext AND version = @v AND payload = @old
                    """, command =>
                {
                    AddKey(command, row);
                    command.Add("v", row.Version);
                }, cancellationToken);
            }
            if (batch.Count < BatchSize)
            {
                return tally.Counts;
            }
            after = batch[^1].Row;
        }
    }

    private static void AddKey(DbCommand command, GrainStateRow row)
    {
        command.Add("h", row.GrainIdHash);
        command.Add("th", row.GrainTypeHash);
        command.Add("s", row.ServiceId);
        command.Add("t", row.GrainType);
        command.Add("n0", row.GrainIdN0);
        command.Add("n1", row.GrainIdN1);
        command.Add("ext", row.GrainIdExtension);
    }

    public async Task<RekeyCounts> TranscriptsAsync(CancellationToken cancellationToken = default)
    {
        var tally = new Tally("transcripts");
        long after = long.MinValue;
        while (true)
        {
            var batch = new List<(long Seq, string CaseId, string EntryId, byte[] Payload)>();
            await using (var connection = await database.OpenAsync(cancellationToken))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT seq, case_id, entry_id, payload FROM oc_transcript WHERE seq > @after ORDER BY seq LIMIT @max";
                command.Add("after", after);
                command.Add("max", BatchSize);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    batch.Add((Convert.ToInt64(reader.GetValue(0)), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3)));
                }
            }
            foreach (var (seq, caseId, entryId, payload) in batch)
            {
                await ResealAsync(tally, payload, SealedRows.Transcript(caseId, entryId),
                    "UPDATE oc_transcript SET payload = @new WHERE seq = @seq AND payload = @old",
                    command => command.Add("seq", seq), cancellationToken);
            }
            if (batch.Count < BatchSize)
            {
                return tally.Counts;
            }
            after = batch[^1].Seq;
        }
    }

    /// <summary>Waiting cases of the dispatchers' queues (few: only what waits now), each bound to its dispatcher and case.</summary>
    public async Task<RekeyCounts> DispatcherQueueAsync(CancellationToken cancellationToken = default)
    {
        var tally = new Tally("dispatcher queue");
        var rows = new List<(string Key, string CaseId, byte[] Payload)>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT dispatcher_key, case_id, payload FROM oc_dispatcher_queue";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)));
            }
        }
        foreach (var (key, caseId, payload) in rows)
        {
            await ResealAsync(tally, payload, SealedRows.DispatcherQueue(key, caseId),
                "UPDATE oc_dispatcher_queue SET payload = @new WHERE dispatcher_key = @key AND case_id = @case AND payload = @old",
                command =>
                {
                    command.Add("key", key);
                    command.Add("case", caseId);
                }, cancellationToken);
        }
        return tally.Counts;
    }

    public async Task<RekeyCounts> OutboxAsync(CancellationToken cancellationToken = default)
    {
        var tally = new Tally("outbox");
        object? after = null;
        while (true)
        {
            var batch = new List<(object Id, Guid RetryKey, byte[] Payload)>();
            await using (var connection = await database.OpenAsync(cancellationToken))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT id, payload FROM oc_line_outbox{(after is null ? "" : " WHERE id > @after")} ORDER BY id LIMIT @max";
                if (after is not null)
                {
                    command.Add("after", after);
                }
                command.Add("max", BatchSize);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var id = reader.GetValue(0);
                    batch.Add((id, id is Guid guid ? guid : Guid.Parse((string)id), (byte[])reader.GetValue(1)));
                }
            }
            foreach (var (id, retryKey, payload) in batch)
            {
                await ResealAsync(tally, payload, SealedRows.Outbox(retryKey),
                    "UPDATE oc_line_outbox SET payload = @new WHERE id = @id AND payload = @old",
                    command => command.Add("id", id), cancellationToken);
            }
            if (batch.Count < BatchSize)
            {
                return tally.Counts;
            }
            after = batch[^1].Id;
        }
    }

    /// <summary>Pictures and files (oc_media): original and preview, each bound to the media id; a few rows at a time (they are large).</summary>
    public async Task<RekeyCounts> MediaAsync(CancellationToken cancellationToken = default)
    {
        var tally = new Tally("media");
        var after = "";
        while (true)
        {
            var batch = new List<(string Id, byte[] Payload, byte[]? Preview)>();
            await using (var connection = await database.OpenAsync(cancellationToken))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT media_id, payload, preview FROM oc_media WHERE media_id > @after ORDER BY media_id LIMIT @max";
                command.Add("after", after);
                command.Add("max", MediaBatchSize);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    batch.Add((reader.GetString(0), (byte[])reader.GetValue(1), reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2)));
                }
            }
            foreach (var (id, payload, preview) in batch)
            {
                await ResealAsync(tally, payload, SealedRows.Media(id, preview: false),
                    "UPDATE oc_media SET payload = @new WHERE media_id = @id AND payload = @old",
                    command => command.Add("id", id), cancellationToken);
                if (preview is not null)
                {
                    await ResealAsync(tally, preview, SealedRows.Media(id, preview: true),
                        "UPDATE oc_media SET preview = @new WHERE media_id = @id AND preview = @old",
                        command => command.Add("id", id), cancellationToken);
                }
            }
            if (batch.Count < MediaBatchSize)
            {
                return tally.Counts;
            }
            after = batch[^1].Id;
        }
    }

    /// <summary>Media rows hold up to 200 MB each: read a few at a time.</summary>
    public int MediaBatchSize { get; init; } = 8;

    /// <summary>Service secrets (the LINE pseudonym key): few rows, each bound to its name.</summary>
    public async Task<RekeyCounts> SecretsAsync(CancellationToken cancellationToken = default)
    {
        var tally = new Tally("secrets");
        var rows = new List<(string Name, byte[] Value)>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, value FROM oc_secrets ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), (byte[])reader.GetValue(1)));
            }
        }
        foreach (var (name, value) in rows)
        {
            await ResealAsync(tally, value, SealedRows.Secret(name),
                "UPDATE oc_secrets SET value = @new WHERE name = @name AND value = @old",
                command => command.Add("name", name), cancellationToken);
        }
        return tally.Counts;
    }

    private async Task ResealAsync(Tally tally, byte[] payload, string associatedData, string update, Action<DbCommand> bindRow, CancellationToken cancellationToken)
    {
        byte[]? resealed;
        try
        {
            resealed = Reseal(payload, associatedData);
        }
        catch (CryptographicException)
        {
            tally.Unreadable++;
            return;
        }
        if (resealed is null)
        {
            tally.AlreadyCurrent++;
            return;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = update;
        command.Add("new", resealed);
        command.Add("old", payload);
        bindRow(command);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            tally.Resealed++;
        }
        else
        {
            tally.ChangedMeanwhile++;
        }
    }

    private sealed class Tally(string table)
    {
        public int Resealed;
        public int AlreadyCurrent;
        public int ChangedMeanwhile;
        public int Unreadable;

        public RekeyCounts Counts => new(table, Resealed, AlreadyCurrent, ChangedMeanwhile, Unreadable);
    }
}

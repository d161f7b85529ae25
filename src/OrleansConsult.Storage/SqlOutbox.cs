using System.Globalization;

namespace OrleansConsult.Storage;

/// <summary>One logical LINE send waiting for another attempt. Payload = recipients + messages (JSON), personal data.</summary>
public sealed record OutboxRecord(
    Guid RetryKey,
    string Channel,
    string Payload,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt,
    string? LastError = null,
    string? Recipient = null)
{
    /// <summary>How a single recipient is named in the table: a hash, not her LINE user id.</summary>
    public static string RecipientKey(string channel, string userId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(channel + "\n" + userId)))[..40];
}

/// <summary>
/// The durable outbox in PostgreSQL or the embedded SQLite file. Payloads are sealed with
/// <see cref="PayloadProtector"/>. Due rows are claimed for a while before they are handed out,
/// so two silos draining at once do not both send the same row (and if a claim runs out,
/// the shared retry key still makes LINE deliver once).
/// </summary>
public sealed class SqlOutbox(Database database, PayloadProtector protector)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    /// <summary>Rows due further out than this are parked (never deliverable): they hold nobody's later messages back.</summary>
    private static readonly TimeSpan ParkedBeyond = TimeSpan.FromDays(365);

    public async Task EnqueueAsync(OutboxRecord record, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO oc_line_outbox (id, channel, payload, attempts, next_attempt_at, created_at, last_error, recipient)
            VALUES (@id, @channel, @payload, @attempts, @next, @created, @error, @recipient)
            ON CONFLICT (id) DO NOTHING
            """;
        command.Add("id", Id(record.RetryKey));
        command.Add("channel", record.Channel);
        command.Add("payload", protector.Seal(record.Payload, AssociatedData(record.RetryKey)));
        command.Add("attempts", record.Attempts);
        command.Add("next", database.Time(record.NextAttemptAt));
        command.Add("created", database.Time(record.CreatedAt));
        command.Add("error", (object?)Truncate(record.LastError) ?? DBNull.Value);
        command.Add("recipient", (object?)record.Recipient ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Claims up to <paramref name="max"/> undelivered rows due at <paramref name="now"/>, oldest first.</summary>
    public async Task<IReadOnlyList<OutboxRecord>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Only the oldest undelivered row of each recipient (parked rows aside): her messages leave in order.
        const string due = """
            SELECT o.id FROM oc_line_outbox o
            WHERE o.delivered_at IS NULL AND o.next_attempt_at <= @now AND (o.claimed_until IS NULL OR o.claimed_until <= @now)
              AND (o.recipient IS NULL OR NOT EXISTS (
                SELECT 1 FROM oc_line_outbox e
                WHERE e.recipient = o.recipient AND e.delivered_at IS NULL AND e.created_at < o.created_at AND e.next_attempt_at < @horizon))
            ORDER BY o.next_attempt_at LIMIT @max
            """;
        var pick = database.IsPostgres ? due + " FOR UPDATE OF o SKIP LOCKED" : due;
        command.CommandText = $"""
            UPDATE oc_line_outbox SET claimed_until = @until
            WHERE id IN ({pick})
            RETURNING id, channel, payload, attempts, next_attempt_at, created_at, last_error
            """;
        command.Add("now", database.Time(now));
        command.Add("until", database.Time(now + ClaimFor));
        command.Add("horizon", database.Time(now + ParkedBeyond));
        command.Add("max", max);

        var records = new List<OutboxRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var retryKey = database.IsPostgres ? reader.GetGuid(0) : Guid.Parse(reader.GetString(0));
            records.Add(new OutboxRecord(
                retryKey,
                reader.GetString(1),
                protector.Open((byte[])reader.GetValue(2), AssociatedData(retryKey)),
                reader.GetInt32(3),
                database.ReadTime(reader, 4),
                database.ReadTime(reader, 5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return records.OrderBy(r => r.NextAttemptAt).ToList();
    }

    public Task MarkDeliveredAsync(Guid retryKey, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        UpdateAsync("UPDATE oc_line_outbox SET delivered_at = @at, claimed_until = NULL WHERE id = @id",
            retryKey, cancellationToken, ("at", database.Time(at)));

    public Task RescheduleAsync(Guid retryKey, DateTimeOffset nextAttemptAt, string lastError, CancellationToken cancellationToken = default) =>
        UpdateAsync("UPDATE oc_line_outbox SET attempts = attempts + 1, next_attempt_at = @next, last_error = @error, claimed_until = NULL WHERE id = @id",
            retryKey, cancellationToken, ("next", database.Time(nextAttemptAt)), ("error", Truncate(lastError)!));

    /// <summary>Whether the recipient still has an undelivered, not parked row: then her next message queues behind it.</summary>
    public async Task<bool> HasPendingForAsync(string recipient, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM oc_line_outbox WHERE recipient = @recipient AND delivered_at IS NULL AND next_attempt_at < @horizon LIMIT 1";
        command.Add("recipient", recipient);
        command.Add("horizon", database.Time(now + ParkedBeyond));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Undelivered rows: the outbox depth operators watch.</summary>
    public async Task<long> PendingCountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM oc_line_outbox WHERE delivered_at IS NULL";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task UpdateAsync(string sql, Guid retryKey, CancellationToken cancellationToken, params (string Name, object Value)[] values)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Add("id", Id(retryKey));
        foreach (var (name, value) in values)
        {
            command.Add(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The row's id binds its sealed payload: a payload copied to another row does not open.
    private static string AssociatedData(Guid retryKey) => "outbox:" + retryKey.ToString("N");

    private object Id(Guid retryKey) => database.IsPostgres ? retryKey : retryKey.ToString("D");

    private static string? Truncate(string? text) => text is { Length: > 300 } ? text[..300] : text;
}

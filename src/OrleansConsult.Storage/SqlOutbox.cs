using System.Globalization;

namespace OrleansConsult.Storage;

/// <summary>
/// The durable outbox in PostgreSQL or the embedded SQLite file. Payloads are sealed with
/// <see cref="PayloadProtector"/>. Due rows are claimed for a while before they are handed out,
/// so two silos draining at once do not both send the same row (and if a claim runs out,
/// the shared retry key still makes LINE deliver once). Parked rows (LINE refused them) are kept
/// but never handed out and never hold a recipient's later messages back, until released.
/// </summary>
public sealed class SqlOutbox(Database database, PayloadProtector protector)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    public async Task EnqueueAsync(OutboxRecord record, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO oc_line_outbox (id, channel, payload, attempts, next_attempt_at, created_at, last_error, recipient, parked_at, park_reason, origin)
            VALUES (@id, @channel, @payload, @attempts, @next, @created, @error, @recipient, @parked, @reason, @origin)
            ON CONFLICT (id) DO NOTHING
            """;
        command.Add("id", Id(record.RetryKey));
        command.Add("channel", record.Channel);
        command.Add("payload", protector.Seal(record.Payload, SealedRows.Outbox(record.RetryKey)));
        command.Add("attempts", record.Attempts);
        command.Add("next", database.Time(record.NextAttemptAt));
        command.Add("created", database.Time(record.CreatedAt));
        command.Add("error", (object?)Truncate(record.LastError) ?? DBNull.Value);
        command.Add("recipient", (object?)record.Recipient ?? DBNull.Value);
        command.Add("parked", record.ParkReason is null ? DBNull.Value : database.Time(record.CreatedAt));
        command.Add("reason", (object?)record.ParkReason ?? DBNull.Value);
        command.Add("origin", (object?)record.Origin ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Claims up to <paramref name="max"/> undelivered rows due at <paramref name="now"/>, oldest first.</summary>
    public async Task<IReadOnlyList<OutboxRecord>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Only the oldest waiting row of each recipient (parked rows aside): her messages leave in order.
        const string due = """
            SELECT o.id FROM oc_line_outbox o
            WHERE o.delivered_at IS NULL AND o.parked_at IS NULL AND o.next_attempt_at <= @now AND (o.claimed_until IS NULL OR o.claimed_until <= @now)
              AND (o.recipient IS NULL OR NOT EXISTS (
                SELECT 1 FROM oc_line_outbox e
                WHERE e.recipient = o.recipient AND e.delivered_at IS NULL AND e.parked_at IS NULL AND e.created_at < o.created_at))
            ORDER BY o.next_attempt_at LIMIT @max
            """;
        var pick = database.IsPostgres ? due + " FOR UPDATE OF o SKIP LOCKED" : due;
        command.CommandText = $"""
            UPDATE oc_line_outbox SET claimed_until = @until
            WHERE id IN ({pick})
            RETURNING id, channel, payload, attempts, next_attempt_at, created_at, last_error, origin
            """;
        command.Add("now", database.Time(now));
        command.Add("until", database.Time(now + ClaimFor));
        command.Add("max", max);

        var records = new List<OutboxRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var retryKey = database.IsPostgres ? reader.GetGuid(0) : Guid.Parse(reader.GetString(0));
            records.Add(new OutboxRecord(
                retryKey,
                reader.GetString(1),
                protector.Open((byte[])reader.GetValue(2), SealedRows.Outbox(retryKey)),
                reader.GetInt32(3),
                database.ReadTime(reader, 4),
                database.ReadTime(reader, 5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                Origin: reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return records.OrderBy(r => r.NextAttemptAt).ToList();
    }

    public Task MarkDeliveredAsync(Guid retryKey, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        UpdateAsync("UPDATE oc_line_outbox SET delivered_at = @at, claimed_until = NULL WHERE id = @id",
            retryKey, cancellationToken, ("at", database.Time(at)));

    public Task RescheduleAsync(Guid retryKey, DateTimeOffset nextAttemptAt, string lastError, CancellationToken cancellationToken = default) =>
        UpdateAsync("UPDATE oc_line_outbox SET attempts = attempts + 1, next_attempt_at = @next, last_error = @error, claimed_until = NULL WHERE id = @id",
            retryKey, cancellationToken, ("next", database.Time(nextAttemptAt)), ("error", Truncate(lastError)!));

    /// <summary>Kept, not handed out again, until released; <paramref name="reason"/> is a park reason name (monthly-limit…).</summary>
    public Task ParkAsync(Guid retryKey, string reason, string lastError, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        UpdateAsync("""
            UPDATE oc_line_outbox SET attempts = attempts + 1, parked_at = @at, park_reason = @reason, last_error = @error, claimed_until = NULL
            WHERE id = @id AND delivered_at IS NULL
            """, retryKey, cancellationToken, ("at", database.Time(at)), ("reason", reason), ("error", Truncate(lastError)!));

    /// <summary>
    /// Parked rows of <paramref name="reason"/> (all when null) parked before <paramref name="parkedBefore"/> become due
    /// again, in the order they were parked, with a fresh count of attempts. Returns how many.
    /// </summary>
    public async Task<int> ReleaseParkedAsync(string? reason, DateTimeOffset parkedBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE oc_line_outbox SET next_attempt_at = parked_at, parked_at = NULL, park_reason = NULL, attempts = 1, claimed_until = NULL
            WHERE delivered_at IS NULL AND parked_at < @before{(reason is null ? "" : " AND park_reason = @reason")}
            """;
        command.Add("before", database.Time(parkedBefore));
        if (reason is not null)
        {
            command.Add("reason", reason);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Whether the recipient still has a waiting (undelivered, not parked) row: then her next message queues behind it.</summary>
    public async Task<bool> HasPendingForAsync(string recipient, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM oc_line_outbox WHERE recipient = @recipient AND delivered_at IS NULL AND parked_at IS NULL LIMIT 1";
        command.Add("recipient", recipient);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Parked rows by reason: what operators watch and release.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ParkedCountsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT park_reason, count(*) FROM oc_line_outbox WHERE parked_at IS NOT NULL AND delivered_at IS NULL GROUP BY park_reason";
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        }
        return counts;
    }

    /// <summary>Rows parked before <paramref name="parkedBefore"/> and still there: the purge is coming for them.</summary>
    public async Task<long> ParkedBeforeCountAsync(DateTimeOffset parkedBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM oc_line_outbox WHERE parked_at < @before AND delivered_at IS NULL";
        command.Add("before", database.Time(parkedBefore));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Deletes delivered rows delivered before <paramref name="deliveredBefore"/>; parked rows parked before
    /// <paramref name="parkedBefore"/> (monthly-limit rows only before <paramref name="monthlyLimitParkedBefore"/>, so
    /// the month turn releases them first); and any row written before <paramref name="createdBefore"/>.
    /// </summary>
    public async Task<OutboxPurgeResult> PurgeAsync(
        DateTimeOffset deliveredBefore, DateTimeOffset parkedBefore, DateTimeOffset monthlyLimitParkedBefore, DateTimeOffset createdBefore,
        CancellationToken cancellationToken = default)
    {
        var delivered = await DeleteAsync("delivered_at < @t", cancellationToken, ("t", database.Time(deliveredBefore)));
        var parked = await DeleteAsync("delivered_at IS NULL AND park_reason <> 'monthly-limit' AND parked_at < @t", cancellationToken,
            ("t", database.Time(parkedBefore)));
        parked += await DeleteAsync("delivered_at IS NULL AND park_reason = 'monthly-limit' AND parked_at < @t", cancellationToken,
            ("t", database.Time(monthlyLimitParkedBefore)));
        var expired = await DeleteAsync("created_at < @t", cancellationToken, ("t", database.Time(createdBefore)));
        return new OutboxPurgeResult(delivered, parked, expired);
    }

    /// <summary>Every row addressed to this one recipient, delivered or not (her erasure). Returns how many.</summary>
    public Task<int> DeleteForRecipientAsync(string recipient, CancellationToken cancellationToken = default) =>
        DeleteAsync("recipient = @r", cancellationToken, ("r", recipient));

    /// <summary>Every row whose origin names this case (what either side wrote in it, to whomever it is addressed). Returns how many.</summary>
    public Task<int> DeleteForCaseAsync(string caseId, CancellationToken cancellationToken = default) =>
        DeleteAsync("origin LIKE @prefix", cancellationToken, ("prefix", OrleansConsult.Abstractions.OutboxOrigins.CasePrefix(caseId) + "%"));

    private async Task<int> DeleteAsync(string where, CancellationToken cancellationToken, params (string Name, object Value)[] values)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM oc_line_outbox WHERE " + where;
        foreach (var (name, value) in values)
        {
            command.Add(name, value);
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Undelivered rows (waiting or parked): the outbox depth operators watch.</summary>
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

    private object Id(Guid retryKey) => database.IsPostgres ? retryKey : retryKey.ToString("D");

    private static string? Truncate(string? text) => text is { Length: > 300 } ? text[..300] : text;
}

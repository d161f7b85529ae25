namespace OrleansConsult.Storage;

/// <summary>
/// Runs a job once per day for the whole cluster (oc_daily_job). A silo claims the day with a lease;
/// the others see it claimed or done and skip. A silo that dies mid-run leaves its lease to run out,
/// and another silo runs that day again, so the job must be idempotent.
/// </summary>
public sealed class SqlDailyJob(Database database)
{
    /// <summary>Claims <paramref name="day"/> (yyyy-MM-dd) for <paramref name="holder"/> until <paramref name="leaseUntil"/>; false when done or held.</summary>
    public async Task<bool> TryClaimAsync(string job, string day, string holder, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO oc_daily_job (job, done_for, holder, leased_until) VALUES (@job, '', @holder, @until)
            ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, leased_until = excluded.leased_until
            WHERE oc_daily_job.done_for < @day AND (oc_daily_job.leased_until IS NULL OR oc_daily_job.leased_until <= @now)
            RETURNING holder
            """;
        command.Add("job", job);
        command.Add("day", day);
        command.Add("holder", holder);
        command.Add("now", database.Time(now));
        command.Add("until", database.Time(leaseUntil));
        return await command.ExecuteScalarAsync(cancellationToken) is string claimedBy && claimedBy == holder;
    }

    /// <summary>The last day (yyyy-MM-dd) the job completed, or null when it never did.</summary>
    public async Task<string?> DoneForAsync(string job, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT done_for FROM oc_daily_job WHERE job = @job";
        command.Add("job", job);
        return await command.ExecuteScalarAsync(cancellationToken) is string day && day.Length > 0 ? day : null;
    }

    /// <summary>Marks the day done by its holder and gives up the lease.</summary>
    public async Task CompleteAsync(string job, string day, string holder, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE oc_daily_job SET done_for = @day, holder = NULL, leased_until = NULL WHERE job = @job AND holder = @holder";
        command.Add("job", job);
        command.Add("day", day);
        command.Add("holder", holder);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

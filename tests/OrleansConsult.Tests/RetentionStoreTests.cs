using OrleansConsult.Abstractions;
using OrleansConsult.Host;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

/// <summary>The SQL of retention, erasure and parking, on SQLite and PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RetentionStoreTests(PostgresServer postgres) : IDisposable
{
    private readonly TempFolder _data = new();

    // Thursday 2026-12-31 12:00 in Tokyo: the last day of a quota month.
    private static readonly DateTimeOffset Now = new(2026, 12, 31, 12, 0, 0, TimeSpan.FromHours(9));

    public void Dispose() => _data.Dispose();

    public static TheoryData<string> Modes => ["sqlite", "postgres"];

    private Task<Database> DatabaseAsync(string mode) => postgres.MigratedDatabaseAsync(mode, _data.Path);

    private static SqlOutbox Outbox(Database database) => new(database, new PayloadProtector(PayloadProtector.NewKeyRingEntry("k1")));

    private static OutboxRecord Row(DateTimeOffset created, string? recipient = null) =>
        new(Guid.NewGuid(), "consultee", """{"to":["Uabc"],"messages":[{"type":"text","text":"x"}]}""", 1, created, created, Recipient: recipient);

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Parked_rows_are_never_handed_out_until_released_in_the_order_they_were_parked(string mode)
    {
        var outbox = Outbox(await DatabaseAsync(mode));
        var limited = Row(Now.AddMinutes(-5));
        var forbidden = Row(Now.AddMinutes(-4));
        await outbox.EnqueueAsync(limited);
        await outbox.EnqueueAsync(forbidden);
        Assert.Equal(2, (await outbox.ClaimDueAsync(Now, 10)).Count);
        await outbox.ParkAsync(limited.RetryKey, "monthly-limit", "LINE 429 You have reached your monthly limit.", Now.AddMinutes(-3));
        await outbox.ParkAsync(forbidden.RetryKey, "rejected", "LINE 403", Now.AddMinutes(-2));

        Assert.Empty(await outbox.ClaimDueAsync(Now.AddDays(10), 10));
        Assert.Equal(new Dictionary<string, long> { ["monthly-limit"] = 1, ["rejected"] = 1 }, await outbox.ParkedCountsAsync());
        Assert.Equal(2, await outbox.PendingCountAsync());

        Assert.Equal(0, await outbox.ReleaseParkedAsync("monthly-limit", Now.AddMinutes(-3))); // parked at that instant, not before
        Assert.Equal(1, await outbox.ReleaseParkedAsync("monthly-limit", Now));
        var back = Assert.Single(await outbox.ClaimDueAsync(Now, 10));
        Assert.Equal((limited.RetryKey, limited.Payload, 1), (back.RetryKey, back.Payload, back.Attempts));
        await outbox.MarkDeliveredAsync(limited.RetryKey, Now);

        Assert.Equal(1, await outbox.ReleaseParkedAsync(null, Now));
        Assert.Equal(forbidden.RetryKey, Assert.Single(await outbox.ClaimDueAsync(Now.AddMinutes(3), 10)).RetryKey);
        Assert.Empty(await outbox.ParkedCountsAsync());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_outbox_purge_keeps_delivered_rows_a_week_and_parked_rows_30_days(string mode)
    {
        var database = await DatabaseAsync(mode);
        var outbox = Outbox(database);
        async Task<OutboxRecord> DeliveredAsync(double daysAgo)
        {
            var row = Row(Now.AddDays(-daysAgo - 0.1));
            await outbox.EnqueueAsync(row);
            await outbox.MarkDeliveredAsync(row.RetryKey, Now.AddDays(-daysAgo));
            return row;
        }
        async Task<OutboxRecord> ParkedAsync(double daysAgo, string reason)
        {
            var row = Row(Now.AddDays(-daysAgo - 0.1));
            await outbox.EnqueueAsync(row);
            await outbox.ParkAsync(row.RetryKey, reason, "LINE 4xx", Now.AddDays(-daysAgo));
            return row;
        }

        var deliveredLongAgo = await DeliveredAsync(8);
        var deliveredLately = await DeliveredAsync(6);
        var parkedLongAgo = await ParkedAsync(31, "rejected");
        var parkedSoonToGo = await ParkedAsync(25, "invalid");
        var parkedLately = await ParkedAsync(10, "gave-up");
        // Parked 30.4 days ago, on the 1st: the month turn (tomorrow) releases it, so the purge leaves it.
        var waitingForTheMonth = await ParkedAsync(30.4, "monthly-limit");
        var limitLastMonth = await ParkedAsync(45, "monthly-limit");
        var waitingForLine = Row(Now.AddDays(-40));
        await outbox.EnqueueAsync(waitingForLine);
        var tooOld = Row(Now.AddYears(-1).AddDays(-1));
        await outbox.EnqueueAsync(tooOld);

        var cutoffs = OutboxRetentionPolicy.Default.At(Now, shortestRetentionYears: 1);
        var purged = await outbox.PurgeAsync(cutoffs.DeliveredBefore, cutoffs.ParkedBefore, cutoffs.MonthlyLimitParkedBefore, cutoffs.CreatedBefore);

        Assert.Equal(new OutboxPurgeResult(Delivered: 1, Parked: 2, Expired: 1), purged);
        var left = await IdsAsync(database);
        Assert.Equal(
            new[] { deliveredLately, parkedSoonToGo, parkedLately, waitingForTheMonth, waitingForLine }.Select(r => r.RetryKey).Order(),
            left.Order());
        Assert.DoesNotContain(deliveredLongAgo.RetryKey, left);
        Assert.DoesNotContain(parkedLongAgo.RetryKey, left);
        Assert.DoesNotContain(limitLastMonth.RetryKey, left);
        Assert.DoesNotContain(tooOld.RetryKey, left);

        // The alert: parked over 23 days and still there.
        Assert.Equal(2, await outbox.ParkedBeforeCountAsync(cutoffs.AlertParkedBefore));
        Assert.Equal(new OutboxPurgeResult(0, 0, 0), await outbox.PurgeAsync(cutoffs.DeliveredBefore, cutoffs.ParkedBefore, cutoffs.MonthlyLimitParkedBefore, cutoffs.CreatedBefore));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task An_erasure_deletes_every_outbox_row_of_hers_and_records_itself_once(string mode)
    {
        var database = await DatabaseAsync(mode);
        var outbox = Outbox(database);
        var hers = "consultee:hana-pseudonym";
        var other = "consultee:aoi-pseudonym";
        var delivered = Row(Now, hers);
        await outbox.EnqueueAsync(delivered);
        await outbox.MarkDeliveredAsync(delivered.RetryKey, Now);
        await outbox.EnqueueAsync(Row(Now, hers));
        var parked = Row(Now, hers);
        await outbox.EnqueueAsync(parked);
        await outbox.ParkAsync(parked.RetryKey, "monthly-limit", "LINE 429", Now);
        var notHers = Row(Now, other);
        await outbox.EnqueueAsync(notHers);
        // Her words on their way to her counselor: addressed to the counselor, relayed from her case.
        var toHerCounselor = Row(Now, "staff:counselor-pseudonym") with { Origin = OutboxOrigins.Relay("CASEHERS", OutboxOrigins.ToCounselor, "evt-1") };
        await outbox.EnqueueAsync(toHerCounselor);
        var otherCase = Row(Now, "staff:counselor-pseudonym") with { Origin = OutboxOrigins.Relay("CASEOTHER", OutboxOrigins.ToCounselor, "evt-2") };
        await outbox.EnqueueAsync(otherCase);

        var store = new SqlErasureStore(database, outbox);
        Assert.Equal(4, await store.DeleteOutboxRowsAsync(hers, ["CASEHERS"]));
        Assert.Equal(new[] { notHers.RetryKey, otherCase.RetryKey }.Order(), (await IdsAsync(database)).Order());

        var record = new ErasureRecord("erasure-1", hers, Now, 2, 7, 3);
        await store.RecordAsync(record);
        await store.RecordAsync(record with { Cases = 0, TranscriptRows = 0, OutboxRows = 0 }); // worked again after a crash
        Assert.Equal([record], await store.RecordsOfAsync(hers));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_case_index_names_a_consultees_cases_and_the_candidates_past_a_cutoff(string mode)
    {
        var index = new SqlCaseIndex(await DatabaseAsync(mode));
        var hers = "consultee:hana-pseudonym";
        await index.OpenedAsync("CASE-OLD", "toyama", hers, Now.AddYears(-6));
        await index.ClosedAsync("CASE-OLD", Now.AddYears(-6).AddHours(1));
        await index.OpenedAsync("CASE-OLD", "toyama", hers, Now); // recorded again: no change
        await index.OpenedAsync("CASE-NEVER-CLOSED", "toyama", "consultee:aoi-pseudonym", Now.AddYears(-6));
        await index.OpenedAsync("CASE-NEW", "toyama", hers, Now.AddYears(-1));
        await index.ClosedAsync("CASE-NEW", Now.AddYears(-1));
        await index.OpenedAsync("CASE-OTHER-TENANT", "shizuoka", hers, Now.AddYears(-6));

        Assert.Equal(["CASE-NEW", "CASE-OLD", "CASE-OTHER-TENANT"], (await index.CasesOfAsync(hers)).Order());
        var cutoff = Now.AddYears(-5);
        Assert.Equal(["CASE-NEVER-CLOSED", "CASE-OLD"], await index.ExpiredCandidatesAsync("toyama", cutoff, "", 10));
        Assert.Equal(["CASE-OLD"], await index.ExpiredCandidatesAsync("toyama", cutoff, "CASE-NEVER-CLOSED", 10));
        Assert.Equal(["shizuoka", "toyama"], (await index.TenantsWithCasesBeforeAsync(cutoff)).Order());

        await index.ForgetAsync("CASE-OLD");
        Assert.Equal(["CASE-NEW", "CASE-OTHER-TENANT"], (await index.CasesOfAsync(hers)).Order());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_daily_job_runs_once_a_day_for_the_cluster_and_again_when_its_holder_died(string mode)
    {
        var jobs = new SqlDailyJob(await DatabaseAsync(mode));
        const string job = "retention-purge";
        Assert.Null(await jobs.DoneForAsync(job));

        Assert.True(await jobs.TryClaimAsync(job, "2026-12-31", "silo-a", Now, Now.AddHours(2)));
        Assert.False(await jobs.TryClaimAsync(job, "2026-12-31", "silo-b", Now.AddMinutes(1), Now.AddHours(2)));
        // silo-a died: its lease runs out and silo-b runs the day.
        Assert.True(await jobs.TryClaimAsync(job, "2026-12-31", "silo-b", Now.AddHours(3), Now.AddHours(5)));
        await jobs.CompleteAsync(job, "2026-12-31", "silo-a"); // too late: not the holder any more
        Assert.Null(await jobs.DoneForAsync(job));
        await jobs.CompleteAsync(job, "2026-12-31", "silo-b");
        Assert.Equal("2026-12-31", await jobs.DoneForAsync(job));

        Assert.False(await jobs.TryClaimAsync(job, "2026-12-31", "silo-a", Now.AddHours(6), Now.AddHours(8)));
        Assert.True(await jobs.TryClaimAsync(job, "2027-01-01", "silo-a", Now.AddDays(1), Now.AddDays(1).AddHours(2)));
    }

    private static async Task<List<Guid>> IdsAsync(Database database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM oc_line_outbox";
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetValue(0);
            ids.Add(id is Guid guid ? guid : Guid.Parse((string)id));
        }
        return ids;
    }
}

using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SqlOutboxTests(PostgresServer postgres) : IDisposable
{
    private readonly TempFolder _data = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => _data.Dispose();

    public static TheoryData<string> Modes => ["sqlite", "postgres"];

    private async Task<(SqlOutbox Outbox, Database Database)> OutboxAsync(string mode)
    {
        var database = await postgres.MigratedDatabaseAsync(mode, _data.Path);
        return (new SqlOutbox(database, new PayloadProtector(PayloadProtector.NewKeyRingEntry("k1"))), database);
    }

    private static OutboxRecord Record(string text, DateTimeOffset due) =>
        new(Guid.NewGuid(), "consultee", $$"""{"to":["Uabc"],"messages":[{"type":"text","text":"{{text}}"}]}""", 1, due, Now);

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Due_rows_are_claimed_once_rescheduled_and_delivered(string mode)
    {
        var (outbox, _) = await OutboxAsync(mode);
        var early = Record("早い", Now.AddSeconds(-30));
        var later = Record("遅い", Now.AddSeconds(-10));
        var future = Record("未来", Now.AddMinutes(5));
        foreach (var record in new[] { later, future, early })
        {
            await outbox.EnqueueAsync(record);
        }
        await outbox.EnqueueAsync(early); // the same retry key again: still one row

        var claimed = await outbox.ClaimDueAsync(Now, 10);
        Assert.Equal([early.RetryKey, later.RetryKey], claimed.Select(r => r.RetryKey));
        Assert.Equal(early.Payload, claimed[0].Payload);
        Assert.Empty(await outbox.ClaimDueAsync(Now.AddSeconds(1), 10));

        await outbox.MarkDeliveredAsync(early.RetryKey, Now);
        await outbox.RescheduleAsync(later.RetryKey, Now.AddMinutes(1), "LINE 500");
        Assert.Equal(2, await outbox.PendingCountAsync());

        var next = await outbox.ClaimDueAsync(Now.AddMinutes(6), 10);
        Assert.Equal([later.RetryKey, future.RetryKey], next.Select(r => r.RetryKey));
        Assert.Equal(2, next[0].Attempts);
        Assert.Equal("LINE 500", next[0].LastError);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task One_recipients_rows_leave_in_the_order_they_were_written(string mode)
    {
        var (outbox, _) = await OutboxAsync(mode);
        var hana = "consultee:hana-pseudonym";
        var parked = Record("届かない", Now.AddMinutes(-10)) with { CreatedAt = Now.AddMinutes(-10), Recipient = hana, ParkReason = "monthly-limit" };
        var first = Record("1", Now.AddSeconds(-5)) with { CreatedAt = Now.AddSeconds(-3), Recipient = hana };
        var second = Record("2", Now.AddSeconds(-9)) with { CreatedAt = Now.AddSeconds(-2), Recipient = hana }; // due earlier, written later
        var other = Record("x", Now) with { Recipient = "consultee:aoi-pseudonym" };
        foreach (var record in new[] { parked, second, first, other })
        {
            await outbox.EnqueueAsync(record);
        }

        // A parked row never holds her later messages back; her second waits for her first.
        Assert.Equal(new[] { first.RetryKey, other.RetryKey }.Order(), (await outbox.ClaimDueAsync(Now, 10)).Select(r => r.RetryKey).Order());
        Assert.True(await outbox.HasPendingForAsync(hana));
        await outbox.RescheduleAsync(first.RetryKey, Now.AddSeconds(1), "LINE 500");
        Assert.Empty((await outbox.ClaimDueAsync(Now.AddMilliseconds(500), 10)).Where(r => r.RetryKey == second.RetryKey));
        await outbox.MarkDeliveredAsync(first.RetryKey, Now);
        Assert.Equal([second.RetryKey], (await outbox.ClaimDueAsync(Now.AddSeconds(1), 10)).Select(r => r.RetryKey));
        await outbox.MarkDeliveredAsync(second.RetryKey, Now);
        Assert.False(await outbox.HasPendingForAsync(hana));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Claims_expire_so_a_dead_silo_does_not_strand_its_rows(string mode)
    {
        var (outbox, _) = await OutboxAsync(mode);
        var record = Record("x", Now);
        await outbox.EnqueueAsync(record);

        Assert.Single(await outbox.ClaimDueAsync(Now, 10));
        Assert.Empty(await outbox.ClaimDueAsync(Now.AddMinutes(1), 10));
        Assert.Single(await outbox.ClaimDueAsync(Now.AddMinutes(3), 10));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_line_layers_outbox_contract_round_trips_through_the_sql_store(string mode)
    {
        var (outbox, database) = await OutboxAsync(mode);
        var store = new OrleansConsult.Host.SqlOutboxStore(outbox, new LinePseudonyms(database, new PayloadProtector(PayloadProtector.NewKeyRingEntry("k2"))), TimeProvider.System);
        var item = new OrleansConsult.Line.Outbox.OutboxItem(Guid.NewGuid(), "staff", ["U1", "U2"],
            """[{"type":"text","text":"新しい相談があります"}]""", 2, Now, Now.AddMinutes(-1)) { LastError = "LINE 500" };

        await store.EnqueueAsync(item);
        var back = Assert.Single(await store.DequeueDueAsync(Now, 5));

        Assert.Equal(item.Id, back.Id);
        Assert.Equal(item.Channel, back.Channel);
        Assert.Equal(item.To, back.To);
        Assert.Equal(item.MessagesJson, back.MessagesJson);
        Assert.Equal(item.Attempts, back.Attempts);
        Assert.Equal("LINE 500", back.LastError);
        await store.MarkDeliveredAsync(item.Id);
        Assert.Equal(0, await outbox.PendingCountAsync());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_single_recipient_is_named_by_her_grain_key_never_her_line_id(string mode)
    {
        var (outbox, database) = await OutboxAsync(mode);
        var pseudonyms = new LinePseudonyms(database, new PayloadProtector(PayloadProtector.NewKeyRingEntry("k2")));
        var store = new OrleansConsult.Host.SqlOutboxStore(outbox, pseudonyms, TimeProvider.System);
        await store.EnqueueAsync(new OrleansConsult.Line.Outbox.OutboxItem(Guid.NewGuid(), "consultee", ["Uhana0123456789"],
            """[{"type":"text","text":"x"}]""", 1, Now, Now));

        var expected = OrleansConsult.Abstractions.GrainKeys.LineUser("consultee", await pseudonyms.OfAsync("consultee", "Uhana0123456789"));
        Assert.Equal(1, await Sql.CountAsync(database, "SELECT count(*) FROM oc_line_outbox WHERE recipient = @r", ("r", expected)));
        Assert.Equal(0, await Sql.CountAsync(database, "SELECT count(*) FROM oc_line_outbox WHERE recipient LIKE '%Uhana%'"));
        Assert.True(await store.HasPendingForAsync("consultee", "Uhana0123456789"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Payload_is_not_stored_in_clear(string mode)
    {
        var (outbox, database) = await OutboxAsync(mode);
        await outbox.EnqueueAsync(Record("とても個人的な相談", Now));

        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM oc_line_outbox";
        var raw = (byte[])(await command.ExecuteScalarAsync())!;
        var needle = System.Text.Encoding.UTF8.GetBytes("個人的");
        Assert.False(raw.AsSpan().IndexOf(needle) >= 0);
        Assert.False(raw.AsSpan().IndexOf("Uabc"u8) >= 0);
    }
}
